import ECFDomain
import Foundation

/// What a Central Sign-On token says about the person holding it. Courts know an account by
/// this, and never read the PSC's tables.
public struct CSOClaims: Sendable, Equatable {
    public let accountID: AccountID
    public let sessionID: SessionID
    public let username: String
    public let name: String
    public let legacy: Bool
    public let issuedAt: Date
    public let expiresAt: Date
    /// What the credential may do: everything for a sign-in; a personal API token's scopes otherwise.
    public let scopes: APIScopes
    /// The personal API token behind the request, if it came with one instead of a sign-in.
    public let apiToken: UUID?

    public init(
        accountID: AccountID, sessionID: SessionID, username: String, name: String, legacy: Bool, issuedAt: Date,
        expiresAt: Date, scopes: APIScopes = .all, apiToken: UUID? = nil
    ) {
        self.scopes = scopes
        self.apiToken = apiToken
        self.accountID = accountID
        self.sessionID = sessionID
        self.username = username
        self.name = name
        self.legacy = legacy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}

/// Issues and checks Central Sign-On tokens: short-lived, signed by the PSC, verified with its
/// public key, refused once their session has ended.
public protocol CentralSignOn: Sendable {
    /// Source: DESIGN.md — tokens are short-lived; pages renew them while the session lasts.
    var tokenLifetime: TimeInterval { get }
    func issue(for account: PacerAccount, session: SignInSession) async throws -> (token: String, expiresAt: Date)
    /// The claims of a genuine, unexpired token whose session is still active; throws otherwise.
    func verify(_ token: String) async throws -> CSOClaims
    /// The claims of a personal API token (`oecf_pat_…`) that is live, within its rate limit, and
    /// whose owner is active; throws otherwise.
    func verifyAPIToken(_ secret: String) async throws -> CSOClaims
    /// The public keys, as a JSON Web Key Set.
    func publicKeySet() async throws -> Data
}

public struct CSOTokenRejected: Error, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case malformed, badSignature, expired, sessionEnded
    }

    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason }
    public var description: String { "the sign-in token was refused (\(reason.rawValue))" }
}
