import ECFDomain
import Foundation

/// Personal API tokens, in the PSC's database.
public protocol APITokenStore: Sendable {
    func insert(_ token: APIToken) async throws
    /// The account's tokens, newest first, revoked ones included.
    func tokens(of account: AccountID) async throws -> [APIToken]
    func token(hash: String) async throws -> APIToken?
    /// Revokes the account's token; nil when the account has no such token.
    func revoke(_ id: UUID, of account: AccountID, at instant: Date) async throws -> APIToken?
    func recordUse(_ id: UUID, at instant: Date) async throws
}
