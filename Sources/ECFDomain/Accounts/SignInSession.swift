import Foundation

/// Identifies a Central Sign-On session; its tokens carry it as `sid`.
public struct SessionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

/// One sign-in at the PSC, accepted by every court until it ends or expires.
public struct SignInSession: Sendable, Equatable {
    /// Source: NIST SP 800-63B §4.2.3 (AAL2 reauthentication): at most 12 hours from sign-in.
    public static let maximumLifetime: TimeInterval = 12 * 3600

    public let id: SessionID
    public let accountID: AccountID
    public let createdAt: Date
    public let expiresAt: Date
    public var endedAt: Date?

    public init(id: SessionID, accountID: AccountID, createdAt: Date, endedAt: Date? = nil) {
        self.id = id
        self.accountID = accountID
        self.createdAt = createdAt
        self.expiresAt = createdAt.addingTimeInterval(Self.maximumLifetime)
        self.endedAt = endedAt
    }

    public func isActive(at instant: Date) -> Bool { endedAt == nil && instant < expiresAt }
}
