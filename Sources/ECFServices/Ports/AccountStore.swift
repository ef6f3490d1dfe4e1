import ECFDomain
import Foundation

/// The PSC's accounts, tokens and sessions. Reads go straight to the store; changes go through a
/// transaction that also carries the outbox, so a change and the mail it causes commit together.
public protocol AccountStore: Sendable {
    func account(_ id: AccountID) async throws -> PacerAccount?
    func account(username: Username) async throws -> PacerAccount?
    func accounts(emailCanonical: String) async throws -> [PacerAccount]
    func accounts(firstName: String, lastName: String, dateOfBirth: DateOnly) async throws -> [PacerAccount]
    func session(_ id: SessionID) async throws -> SignInSession?
    /// Failed sign-ins in a row and when the last one was, for the throttle.
    func failedSignIns(_ account: AccountID) async throws -> (count: Int, last: Date?)
    /// Confirmed and unconfirmed authenticators of the account.
    func authenticators(of account: AccountID) async throws -> [Authenticator]
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any AccountTransaction) async throws -> T) async throws
        -> T
}

extension AccountStore {
    /// Whether the account has two-step verification on: at least one confirmed authenticator.
    public func twoStepVerificationIsOn(_ account: AccountID) async throws -> Bool {
        try await authenticators(of: account).contains { $0.confirmedAt != nil }
    }
}

/// The changes one use case makes, all in one database transaction.
public protocol AccountTransaction: Sendable {
    func account(_ id: AccountID) async throws -> PacerAccount?
    /// Throws `AccountConflict.usernameTaken` when the username (in any case) is in use.
    func insert(_ account: PacerAccount) async throws
    func update(_ account: PacerAccount) async throws
    func insert(_ token: AccountToken) async throws
    func token(hash: String, purpose: AccountToken.Purpose) async throws -> AccountToken?
    /// Marks the token used; returns `false` when it was used already (so two clicks cannot both win).
    func useToken(_ id: UUID, at instant: Date) async throws -> Bool
    func insert(_ session: SignInSession) async throws
    /// Ends every session of the account but `except`; returns how many ended.
    @discardableResult
    func endSessions(of account: AccountID, except: SessionID?, at instant: Date) async throws -> Int
    func endSession(_ id: SessionID, at instant: Date) async throws
    /// The failed sign-ins in a row, after adding this one.
    func recordFailedSignIn(_ account: AccountID, at instant: Date) async throws -> Int
    func clearFailedSignIns(_ account: AccountID) async throws
    func enqueue(_ message: OutboxMessage) async throws
    func save(_ authenticator: Authenticator) async throws
    func deleteAuthenticator(_ id: UUID) async throws
    /// Replaces the account's backup codes with these hashes.
    func replaceBackupCodes(of account: AccountID, hashes: [String]) async throws
    /// Marks an unused backup code used; returns `false` when no unused code has this hash.
    func useBackupCode(of account: AccountID, hash: String, at instant: Date) async throws -> Bool
    /// Records the step a code was accepted for, if it is later than the last one; returns
    /// `false` when the code's step was already used (a replay).
    func advanceStep(_ authenticator: UUID, to step: Int64) async throws -> Bool
}

public enum AccountConflict: Error, Equatable {
    case usernameTaken
}
