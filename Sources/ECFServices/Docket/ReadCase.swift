import ECFDomain
import Foundation

/// A case as one viewer may see it: its header, parties with their attorneys, and the entries and
/// documents its restriction levels let this viewer see. A case the viewer may not see does not
/// exist for them (404), so its number is not revealed.
public struct ReadCase: Sendable {
    public struct PartyView: Sendable, Equatable {
        public let party: Party
        public let attorneys: [(account: CourtAccount, roles: AttorneyRoles)]
        public let proSe: Bool

        public static func == (lhs: PartyView, rhs: PartyView) -> Bool {
            lhs.party == rhs.party && lhs.proSe == rhs.proSe
                && lhs.attorneys.map(\.account.id) == rhs.attorneys.map(\.account.id)
        }
    }

    public struct CaseView: Sendable {
        public let courtCase: CourtCase
        public let parties: [PartyView]
        public let entries: [DocketEntry]
        public let viewer: Viewer
        /// The case's docket revision when it was read (`DocketStore.courtCaseAndRevision`): the
        /// entries read after it are at least this new.
        public let docketRevision: Int64
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// - Parameter withEntries: false to read the header and parties only (the entries then come
    ///   a page at a time through `entries(of:_:in:after:)`).
    public func callAsFunction(
        _ caseID: CaseID, in court: OpenCourt, identity: CourtIdentity, withEntries: Bool = true
    ) async throws -> CaseView {
        try court.requireAvailable()
        let docket = try await context.stores.docket(court.id)
        let notFound = CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        guard let (courtCase, revision) = try await docket.courtCaseAndRevision(caseID) else { throw notFound }
        let participations = try await docket.participations(of: caseID).filter(\.isActive)
        let viewer = Self.viewer(identity, phase: court.phase, participations: participations)
        guard Visibility.canSee(.public, caseRestriction: courtCase.restriction, filedBy: nil, viewer: viewer) else {
            throw notFound
        }
        // Every attorney's account in one read (a lawyer for several parties once).
        let attorneyIDs = participations.compactMap { if case .attorney = $0.kind { $0.account } else { nil } }
        let accounts = Dictionary(
            uniqueKeysWithValues: attorneyIDs.isEmpty
                ? [] : try await court.store.accounts(ids: Set(attorneyIDs)).map { ($0.id, $0) })
        var parties: [PartyView] = []
        for party in try await docket.parties(of: caseID) {
            var attorneys: [(account: CourtAccount, roles: AttorneyRoles)] = []
            var proSe = false
            for participation in participations where participation.partyID == party.id {
                switch participation.kind {
                case .attorney(let roles):
                    if let account = accounts[participation.account] {
                        attorneys.append((account, roles))
                    }
                case .proSe: proSe = true
                }
            }
            parties.append(PartyView(party: party, attorneys: attorneys, proSe: proSe))
        }
        let entries = withEntries ? Self.visible(try await docket.entries(of: caseID), of: courtCase, to: viewer) : []
        return CaseView(
            courtCase: courtCase, parties: parties, entries: entries, viewer: viewer, docketRevision: revision)
    }

    /// How many entries one page of a streamed docket reads.
    public static let pageSize = 500

    /// One page of the entries the filter admits and the viewer may see, after the entry with
    /// sequence number `after`; `next` is where the following page starts (nil after the last).
    public func entries(of view: CaseView, _ filter: DocketFilter, in court: OpenCourt, after: Int?) async throws
        -> (entries: [DocketEntry], next: Int?)
    {
        let read = try await context.stores.docket(court.id).entries(
            of: view.courtCase.id, filter, zone: court.zone, after: after, limit: Self.pageSize)
        let next = read.count == Self.pageSize ? read.last?.seq : nil
        return (Self.visible(read, of: view.courtCase, to: view.viewer), next)
    }

    /// The latest entry this viewer may see (the case query's "last entry"), read newest first a
    /// page at a time rather than the whole docket.
    public func lastEntry(of view: CaseView, in court: OpenCourt) async throws -> DocketEntry? {
        var newest = DocketFilter()
        newest.newestFirst = true
        var after: Int?
        repeat {
            let page = try await entries(of: view, newest, in: court, after: after)
            if let last = page.entries.first { return last }
            after = page.next
        } while after != nil
        return nil
    }

    /// The entries, and of each the documents, that the restriction levels let this viewer see.
    static func visible(_ entries: [DocketEntry], of courtCase: CourtCase, to viewer: Viewer) -> [DocketEntry] {
        entries.compactMap { entry -> DocketEntry? in
            guard
                Visibility.canSee(
                    entry.restriction, caseRestriction: courtCase.restriction, filedBy: entry.filedBy, viewer: viewer)
            else { return nil }
            var shown = entry
            shown.documents = entry.documents.filter {
                Visibility.canSee(
                    $0.restriction, caseRestriction: courtCase.restriction, filedBy: entry.filedBy, viewer: viewer)
            }
            return shown
        }
    }

    /// Court staff (a clerk or judge account acting as the phase allows) see everything; a court
    /// account taking part in the case is a participant; everyone else is an outsider.
    static func viewer(_ identity: CourtIdentity, phase: CourtPhase, participations: [Participation]) -> Viewer {
        let account: CourtAccount?
        switch identity {
        case .nobody: account = nil
        case .legacyLogin(let login): account = phase == .legacy ? login : nil
        case .pacer(_, let linked): account = linked
        }
        return viewer(account, participations: participations)
    }

    /// What a court account sees of a case (the recipient of a notice, opening its free look).
    static func viewer(_ account: CourtAccount?, participations: [Participation]) -> Viewer {
        guard let account, account.status == .active else { return .outsider }
        if account.role == .clerk || account.role == .judge { return .court }
        return participations.contains { $0.account == account.id } ? .participant(account.id) : .outsider
    }
}
