import ECFDomain
import Foundation

/// One court's own data, in the court's database: its accounts, cutover plan, sessions, reset
/// links, audit log and e-file registrations. Reads go straight to the store; changes go through a
/// transaction that also carries the court's outbox.
public protocol CourtStore: Sendable {
    func plan() async throws -> CutoverPlan
    /// The court's document settings (`CourtSettings.standard` until the court changes them).
    func settings() async throws -> CourtSettings
    func account(_ id: CourtAccountID) async throws -> CourtAccount?
    func account(login: CourtLogin) async throws -> CourtAccount?
    /// Accounts whose primary or a secondary address is this one (canonical form).
    func accounts(email canonical: String) async throws -> [CourtAccount]
    func account(linkedTo pacer: AccountID) async throws -> CourtAccount?
    func accounts() async throws -> [CourtAccount]
    /// The court's accounts of one of `roles` (its judges, its clerks), without reading the others.
    func accounts(roles: Set<CourtRole>) async throws -> [CourtAccount]
    /// The accounts of these ids that exist.
    func accounts(ids: Set<CourtAccountID>) async throws -> [CourtAccount]
    func session(tokenHash: String) async throws -> CourtSession?
    func registrations(status: EFileRegistration.Status?) async throws -> [EFileRegistration]
    func audit(limit: Int) async throws -> [CourtAuditEntry]
    /// Whether the "now on NextGen" notice for the cutover at `nextGenAt` was queued already.
    func cutoverNoticed(nextGenAt: Date) async throws -> Bool
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any CourtTransaction) async throws -> T) async throws
        -> T
}

/// The changes one court use case makes, all in one database transaction.
public protocol CourtTransaction: Sendable {
    func plan() async throws -> CutoverPlan
    func save(_ plan: CutoverPlan, at instant: Date) async throws
    func save(_ settings: CourtSettings) async throws
    func account(_ id: CourtAccountID) async throws -> CourtAccount?
    func account(login: CourtLogin) async throws -> CourtAccount?
    func account(linkedTo pacer: AccountID) async throws -> CourtAccount?
    /// Throws `CourtAccountConflict.loginTaken` when the login (in any case) is in use.
    func insert(_ account: CourtAccount) async throws
    func update(_ account: CourtAccount) async throws
    func insert(_ token: CourtAccountToken) async throws
    func token(hash: String) async throws -> CourtAccountToken?
    /// Marks the token used; `false` when it was used already.
    func useToken(_ id: UUID, at instant: Date) async throws -> Bool
    func insert(_ session: CourtSession) async throws
    func endSessions(of account: CourtAccountID, at instant: Date) async throws
    func endSession(tokenHash: String, at instant: Date) async throws
    func recordFailedSignIn(_ account: CourtAccountID, at instant: Date) async throws -> Int
    func failedSignIns(_ account: CourtAccountID) async throws -> (count: Int, last: Date?)
    func clearFailedSignIns(_ account: CourtAccountID) async throws
    /// Records that the "now on NextGen" notice for the cutover at `nextGenAt` was queued;
    /// `false` when it already was (by this or another process), so it is sent once.
    func markCutoverNoticed(nextGenAt: Date, at instant: Date) async throws -> Bool
    func append(_ entry: CourtAuditEntry) async throws
    func insert(_ registration: EFileRegistration) async throws
    func update(_ registration: EFileRegistration) async throws
    func registration(_ id: UUID) async throws -> EFileRegistration?
    func enqueue(_ message: OutboxMessage) async throws
}

public enum CourtAccountConflict: Error, Equatable {
    case loginTaken
}

/// The stores of the courts this process runs.
public protocol CourtStores: Sendable {
    func store(_ court: CourtID) async throws -> any CourtStore
    func docket(_ court: CourtID) async throws -> any DocketStore
    func webhooks(_ court: CourtID) async throws -> any WebhookStore
}

/// What the PSC tells a court about a PACER account (in one process a direct call; federated,
/// an authenticated request to the PSC).
public protocol PacerProfiles: Sendable {
    func profile(_ account: AccountID) async throws -> PacerProfile?
    func profile(username: Username) async throws -> PacerProfile?
}
