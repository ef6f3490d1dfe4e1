import ECFDomain
import Foundation

/// Opens a filed document for a viewer: refused (as if it did not exist) when its restriction,
/// its entry's or its case's hides it from this viewer; a non-public document opened is written
/// to the court's audit log (who, which, from where) before its bytes are sent. A Notice of
/// Electronic Filing's link carries a free-look number: its first use within 15 days opens the
/// document as its recipient would, free; after that the viewer signs in like anyone else.
public struct OpenDocument: Sendable {
    public struct Opened: Sendable {
        public let document: DocketDocument
        public let file: URL
        /// Opened through the free look of a notice.
        public let freeLook: Bool
        /// Who opened it, as the restriction levels and the fees see them.
        public let viewer: Viewer
        public let courtCase: CourtCase
        public let entry: DocketEntry
    }

    let context: CourtContext
    let blobs: any DocumentBlobStore

    public init(_ context: CourtContext, blobs: any DocumentBlobStore) {
        self.context = context
        self.blobs = blobs
    }

    public func callAsFunction(
        _ typed: String, in court: OpenCourt, identity: CourtIdentity, client: String, magicNumber: String? = nil
    ) async throws -> Opened {
        try court.requireAvailable()
        let notFound = CourtError(.notFound, "There is no document with this number in \(court.court.name).")
        let docket = try await context.stores.docket(court.id)
        guard let id = DocumentID(typed), let (document, entry) = try await docket.document(id),
            let courtCase = try await docket.courtCase(entry.caseID)
        else { throw notFound }
        let participations = try await docket.participations(of: entry.caseID).filter(\.isActive)
        var viewer = ReadCase.viewer(identity, phase: court.phase, participations: participations)
        var freeLook: FreeLook?
        if let magicNumber {
            let look = FreeLook.isWellFormed(magicNumber) ? try await docket.freeLook(magicNumber, of: id) : nil
            if let look, look.isFree(at: court.now),
                let recipient = try await court.store.account(look.account)
            {
                freeLook = look
                viewer = ReadCase.viewer(recipient, participations: participations)
            } else if case .nobody = identity {
                throw CourtError(
                    .notSignedIn,
                    "The free look of this notice's link has been used, or is more than 15 days old. Sign in with PACER to view the document."
                )
            }
        }
        let strictest = max(document.restriction, entry.restriction)
        guard
            Visibility.canSee(strictest, caseRestriction: courtCase.restriction, filedBy: entry.filedBy, viewer: viewer)
        else { throw notFound }
        guard let file = blobs.file(for: document.sha256) else { throw notFound }
        // The first view wins the free look; a second at the same moment is an ordinary view.
        if let look = freeLook, try await !docket.useFreeLook(look.magicNumber, of: id, at: court.now, from: client) {
            freeLook = nil
            if case .nobody = identity {
                throw CourtError(
                    .notSignedIn,
                    "The free look of this notice's link has been used. Sign in with PACER to view the document.")
            }
        }
        if strictest != .public || courtCase.restriction != .public {
            let who: String =
                switch (identity, freeLook) {
                case (_, let look?): "freelook:\(look.magicNumber) for \(look.account)"
                case (.nobody, nil): "anonymous"
                case (.legacyLogin(let account), nil): "court:\(account.login)"
                case (.pacer(let profile, _), nil): "pacer:\(profile.username)"
                }
            let account: CourtAccountID? =
                switch identity {
                case .legacyLogin(let login): login.id
                case .pacer(_, let linked): linked?.id
                case .nobody: nil
                }
            let pacer: AccountID? = if case .pacer(let profile, _) = identity { profile.accountID } else { nil }
            let entryLabel = entry.number.map(String.init) ?? "seq \(entry.seq)"
            let line = context.audit(
                .restrictedDocumentViewed, actor: who, courtAccount: account, pacerAccount: pacer,
                detail:
                    "\(document.id) (\(strictest.rawValue)) in case \(courtCase.number), entry \(entryLabel), from \(client)"
            )
            try await court.store.transaction { try await $0.append(line) }
        }
        return Opened(
            document: document, file: file, freeLook: freeLook != nil, viewer: viewer, courtCase: courtCase,
            entry: entry)
    }
}
