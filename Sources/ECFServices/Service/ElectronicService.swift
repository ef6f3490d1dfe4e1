import ECFDomain
import Foundation

/// What a court account manages about its electronic service: how it receives notices, and — for
/// the press — which cases it follows; and what a case's participants see of its service list.
public struct ElectronicService: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// The court account behind a request (linked, or the legacy login before the cutover).
    public func account(in court: OpenCourt, identity: CourtIdentity) throws -> CourtAccount {
        try court.requireAvailable()
        let account: CourtAccount? =
            switch identity {
            case .nobody:
                throw CourtError(.notSignedIn, "Sign in with PACER (or, before the court's cutover, its CM/ECF login).")
            case .legacyLogin(let login): court.phase == .legacy ? login : nil
            case .pacer(_, let linked): linked
            }
        guard let account, account.status == .active else {
            throw CourtError(
                .notLinked, "Your PACER account is not linked to a CM/ECF login of \(court.court.name). Link it first.")
        }
        return account
    }

    public func setDelivery(_ delivery: NoticeDelivery, in court: OpenCourt, identity: CourtIdentity) async throws
        -> CourtAccount
    {
        var changed = try account(in: court, identity: identity)
        changed.noticeDelivery = delivery
        let saved = changed
        try await court.store.transaction { try await $0.update(saved) }
        return saved
    }

    /// A media account follows a case (any case but a sealed one) and receives its public notices.
    ///
    /// Source: CM/ECF's media e-service registration: members of the press may receive NEFs for
    /// cases they choose, without being parties.
    public func subscribe(
        _ subscribed: Bool, to caseID: CaseID, in court: OpenCourt, identity: CourtIdentity
    ) async throws -> Bool {
        let account = try account(in: court, identity: identity)
        guard account.role == .mediaEService else {
            throw CourtError(
                .notMediaAccount,
                "Only media e-service accounts follow cases; attorneys and parties receive the notices of their own cases."
            )
        }
        // A case the account may not see (a sealed one) is answered as if it did not exist.
        _ = try await ReadCase(context)(caseID, in: court, identity: identity)
        return try await context.stores.docket(court.id).setSubscription(
            caseID, account: account.id, subscribed: subscribed, at: court.now)
    }

    /// Who was served an entry and what became of each message, for the case's participants and
    /// the court (a refused address shows here; it never stops the others).
    public func records(of caseID: CaseID, seq: Int, in court: OpenCourt, identity: CourtIdentity) async throws
        -> (entry: DocketEntry, records: [ServiceRecord])
    {
        let view = try await ReadCase(context)(caseID, in: court, identity: identity)
        guard view.viewer != .outsider else {
            throw CourtError(
                .notAllowedToFile, "Service records are for the case's attorneys, parties and the court.",
                fields: ["reason": "not_a_participant"])
        }
        guard let entry = view.entries.first(where: { $0.seq == seq }) else {
            throw CourtError(.notFound, "There is no such entry in this case.")
        }
        let records = try await context.stores.docket(court.id).serviceRecords(of: caseID).filter { $0.seq == seq }
        return (entry, records)
    }

    /// Who must be served an entry by other means (the parties with no one registered), by the
    /// same rules that served it; for a viewer the caller already let see the entry.
    public func otherMeans(for entry: DocketEntry, in courtCase: CourtCase, court: OpenCourt) async throws -> [String] {
        let docket = try await context.stores.docket(court.id)
        return try await ServeEntry(context: context, court: court).serviceList(
            courtCase: courtCase, parties: try await docket.parties(of: courtCase.id),
            participations: try await docket.participations(of: courtCase.id), restriction: entry.restriction,
            filedBy: entry.filedBy
        ).otherMeans
    }

    /// The case's service list as it stands, for its participants and the court.
    public func serviceList(of caseID: CaseID, in court: OpenCourt, identity: CourtIdentity) async throws
        -> ServiceList
    {
        let view = try await ReadCase(context)(caseID, in: court, identity: identity)
        guard view.viewer != .outsider else {
            throw CourtError(
                .notAllowedToFile, "The service list is for the case's attorneys, parties and the court.",
                fields: ["reason": "not_a_participant"])
        }
        let docket = try await context.stores.docket(court.id)
        return try await ServeEntry(context: context, court: court).serviceList(
            courtCase: view.courtCase, parties: try await docket.parties(of: caseID),
            participations: try await docket.participations(of: caseID), restriction: .public, filedBy: nil)
    }
}
