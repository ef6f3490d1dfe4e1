import ECFDomain
import Foundation

/// Personal API tokens: made and revoked by their signed-in owner, and checked on every request
/// that carries one.
public struct APITokens: Sendable {
    let context: AccountsContext
    let tokens: any APITokenStore
    let limiter: RequestRateLimiter

    public init(_ context: AccountsContext, tokens: any APITokenStore, limiter: RequestRateLimiter) {
        self.context = context
        self.tokens = tokens
        self.limiter = limiter
    }

    /// The PSC's clock, to tell a token's state.
    public var now: Date { context.clock.now }

    public struct Made: Sendable {
        public let token: APIToken
        /// The secret, shown to its owner this once.
        public let secret: String
    }

    /// Makes a token for the signed-in owner (never for a request that itself came with a token).
    public func make(
        for claims: CSOClaims, name: String, scopes scopeNames: [String], expiresAt: Date?
    ) async throws -> Made {
        try Self.requireSignIn(claims, "make API tokens")
        let now = context.clock.now
        var problems = APITokenPolicy.problems(name: name, expiresAt: expiresAt, now: now)
        let scopes = APIScopes(names: scopeNames)
        if scopes == nil {
            problems["scopes"] = "Choose scopes among \(APIScopes.names.joined(separator: ", "))."
        }
        guard problems.isEmpty, let scopes else {
            throw AccountError(.invalid, "The token could not be made: check the fields marked.", fields: problems)
        }
        if scopes.needsTwoStepSignIn {
            guard try await context.store.twoStepVerificationIsOn(claims.accountID) else {
                throw AccountError(
                    .twoStepNeeded,
                    "A token that can file or act for the clerk's office needs two-step verification on your account. Turn it on in Manage My Account, then make the token.",
                    fields: ["scopes": "Turn on two-step verification first, or choose read only."])
            }
        }
        let active = try await tokens.tokens(of: claims.accountID).filter { $0.state(at: now) == .active }
        guard active.count < APITokenPolicy.maximumActivePerAccount else {
            throw AccountError(
                .invalid,
                "You have \(active.count) active tokens, the most an account may have. Revoke one you no longer use first."
            )
        }
        let secret = APITokenPolicy.prefix + context.secrets.token()
        let token = APIToken(
            id: context.ids.uuid(), accountID: claims.accountID,
            name: name.trimmingCharacters(in: .whitespacesAndNewlines), scopes: scopes,
            tokenHash: SecretHash.of(secret), hint: String(secret.suffix(4)), createdAt: now, expiresAt: expiresAt)
        try await tokens.insert(token)
        return Made(token: token, secret: secret)
    }

    public func list(for claims: CSOClaims) async throws -> [APIToken] {
        try await tokens.tokens(of: claims.accountID)
    }

    /// Revokes one of the owner's tokens at once, everywhere. A token may revoke itself.
    public func revoke(_ id: UUID, for claims: CSOClaims) async throws -> APIToken {
        guard let token = try await tokens.revoke(id, of: claims.accountID, at: context.clock.now) else {
            throw AccountError(.notFound, "You have no API token with this id.")
        }
        return token
    }

    /// The claims a live token grants its owner, within its scopes.
    public func verify(_ secret: String) async throws -> CSOClaims {
        try await claims(of: try await liveToken(secret), now: context.clock.now)
    }

    /// Admits one request made with the token: refused (429) beyond the token's rate limit, and
    /// its last use recorded (at most once a minute). Every API request with a token passes here once.
    public func admit(_ secret: String) async throws {
        let now = context.clock.now
        let token = try await liveToken(secret)
        if let retryAfter = await limiter.take(token.id, now: now) {
            throw AccountError(
                .tooSoon, "Too many requests with this API token. Wait \(retryAfter) seconds, then try again.",
                retryAfter: retryAfter)
        }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= APITokenPolicy.lastUsedGranularity }) ?? true {
            try await tokens.recordUse(token.id, at: now)
        }
    }

    func liveToken(_ secret: String) async throws -> APIToken {
        guard let token = try await tokens.token(hash: SecretHash.of(secret)) else {
            throw AccountError(.notSignedIn, "This API token is not valid. Check that it was copied whole.")
        }
        switch token.state(at: context.clock.now) {
        case .revoked:
            throw AccountError(.notSignedIn, "This API token was revoked. Make a new one in Manage My Account.")
        case .expired:
            throw AccountError(.notSignedIn, "This API token has expired. Make a new one in Manage My Account.")
        case .active:
            return token
        }
    }

    func claims(of token: APIToken, now: Date) async throws -> CSOClaims {
        guard let account = try await context.store.account(token.accountID), account.status == .active else {
            throw AccountError(.notSignedIn, "The PACER account of this API token is not active.")
        }
        return CSOClaims(
            accountID: account.id, sessionID: SessionID(token.id), username: account.username.rawValue,
            name: account.fullName, legacy: account.isLegacy, issuedAt: token.createdAt,
            expiresAt: token.expiresAt ?? now.addingTimeInterval(APITokenPolicy.maximumLifetime), scopes: token.scopes,
            apiToken: token.id)
    }

    /// Refuses a request that came with a personal API token where the person must sign in
    /// (account security: passwords, two-step verification, tokens, linking).
    public static func requireSignIn(_ claims: CSOClaims, _ action: String) throws {
        guard claims.apiToken == nil else {
            throw AccountError(
                .signInNeeded,
                "An API token cannot \(action). Sign in with your username and password (POST /api/v1/pacer/sessions) and use that sign-in's token."
            )
        }
    }
}
