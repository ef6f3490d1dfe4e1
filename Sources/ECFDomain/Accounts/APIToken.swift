import Foundation

/// A personal API token: a long-lived secret a program sends as `Authorization: Bearer`, acting
/// for its owner within its scopes. Only the secret's SHA-256 hash is stored; the owner sees the
/// secret once, when it is made, and afterwards only its last four characters.
public struct APIToken: Sendable, Equatable {
    public let id: UUID
    public let accountID: AccountID
    public let name: String
    public let scopes: APIScopes
    public let tokenHash: String
    /// The secret's last four characters, so that the owner can tell tokens apart.
    public let hint: String
    public let createdAt: Date
    public let expiresAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: UUID, accountID: AccountID, name: String, scopes: APIScopes, tokenHash: String, hint: String,
        createdAt: Date, expiresAt: Date?, lastUsedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.scopes = scopes
        self.tokenHash = tokenHash
        self.hint = hint
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    public enum State: String, Sendable {
        case active, expired, revoked
    }

    public func state(at instant: Date) -> State {
        if revokedAt != nil { return .revoked }
        if let expiresAt, instant >= expiresAt { return .expired }
        return .active
    }
}

/// The rules for personal API tokens.
public enum APITokenPolicy {
    /// Secrets start with this, so that a leaked one is recognisable (secret scanners look for
    /// such prefixes) and can never be mistaken for a sign-in token (a JWT) or a court login's.
    public static let prefix = "oecf_pat_"
    /// Source: issue 8 (tokens have an optional expiry); at most a year, as for GitHub's
    /// fine-grained tokens, so that a forgotten token does not live for ever.
    public static let maximumLifetime: TimeInterval = 366 * 24 * 3600
    public static let maximumNameLength = 100
    /// Enough for every program a person runs; a bound so that a stolen session cannot mint without end.
    public static let maximumActivePerAccount = 20
    /// Last use is recorded at most once a minute per token, not on every request.
    public static let lastUsedGranularity: TimeInterval = 60
    /// Source: issue 8 (tokens are rate-limited; 429 with `Retry-After`). 600 requests a minute
    /// per token by default: ten a second, far above any one filer's need, well below what one
    /// program could take from everybody else.
    public static let defaultRequestsPerMinute = 600

    /// The problems of a new token's name and expiry, by field (empty when it may be made).
    public static func problems(name: String, expiresAt: Date?, now: Date) -> [String: String] {
        var problems: [String: String] = [:]
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            problems["name"] = "Give the token a name that says where it is used, like “docketing script”."
        } else if trimmed.count > maximumNameLength {
            problems["name"] = "Keep the name under \(maximumNameLength + 1) characters."
        }
        if let expiresAt {
            if expiresAt <= now {
                problems["expiresAt"] = "Choose an expiry date in the future."
            } else if expiresAt.timeIntervalSince(now) > maximumLifetime {
                problems["expiresAt"] = "A token can last at most one year."
            }
        }
        return problems
    }
}
