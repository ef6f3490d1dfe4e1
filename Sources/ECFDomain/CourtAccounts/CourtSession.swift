import Foundation

/// A sign-in with a court's own (legacy) login. The browser or program holds a random secret;
/// the court stores only its hash.
public struct CourtSession: Sendable, Equatable {
    public let id: UUID
    public let accountID: CourtAccountID
    public let tokenHash: String
    public let createdAt: Date
    public let expiresAt: Date
    public var endedAt: Date?

    /// Source: CM/ECF court logins end after a working day; here 8 hours, as with PACER sessions.
    public static let lifetime: TimeInterval = 8 * 3600

    public init(
        id: UUID, accountID: CourtAccountID, tokenHash: String, createdAt: Date, expiresAt: Date? = nil,
        endedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt ?? createdAt.addingTimeInterval(Self.lifetime)
        self.endedAt = endedAt
    }

    public func isActive(at instant: Date) -> Bool { endedAt == nil && instant < expiresAt }
}

/// A single-use, 30-minute password-reset link for a court login; only its hash is stored.
public struct CourtAccountToken: Sendable, Equatable {
    public let id: UUID
    public let accountID: CourtAccountID
    public let tokenHash: String
    public let createdAt: Date
    public var usedAt: Date?

    /// Source: the same rule as PACER's reset links — 30 minutes, once.
    public static let lifetime: TimeInterval = 30 * 60

    public init(id: UUID, accountID: CourtAccountID, tokenHash: String, createdAt: Date, usedAt: Date? = nil) {
        self.id = id
        self.accountID = accountID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.usedAt = usedAt
    }

    public func isUsable(at instant: Date) -> Bool {
        usedAt == nil && instant < createdAt.addingTimeInterval(Self.lifetime)
    }
}
