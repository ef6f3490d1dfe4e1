import ECFDomain
import Foundation

/// An entry's documents as CM/ECF's attachment page lists them: the main document and each
/// attachment this viewer may see, with pages and size. Listing costs nothing; each document is
/// opened (and billed) on its own through `OpenDocument`.
public struct ListEntryDocuments: Sendable {
    public struct Listing: Sendable {
        public let courtCase: CourtCase
        /// The entry, with only the documents the viewer may see.
        public let entry: DocketEntry
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// The entry of this document; refused (as if it did not exist) when the viewer may not see it.
    public func callAsFunction(_ id: DocumentID, in court: OpenCourt, identity: CourtIdentity) async throws
        -> Listing
    {
        try court.requireAvailable()
        let notFound = CourtError(.notFound, "There is no document with this number in \(court.court.name).")
        let docket = try await context.stores.docket(court.id)
        guard let (_, found) = try await docket.document(id), let courtCase = try await docket.courtCase(found.caseID),
            var entry = try await docket.entry(found.caseID, seq: found.seq)
        else { throw notFound }
        let participations = try await docket.participations(of: entry.caseID).filter(\.isActive)
        let viewer = ReadCase.viewer(identity, phase: court.phase, participations: participations)
        func visible(_ restriction: Restriction) -> Bool {
            Visibility.canSee(
                max(restriction, entry.restriction), caseRestriction: courtCase.restriction, filedBy: entry.filedBy,
                viewer: viewer)
        }
        guard visible(entry.restriction) else { throw notFound }
        entry.documents = entry.documents.filter { visible($0.restriction) }
        return Listing(courtCase: courtCase, entry: entry)
    }
}
