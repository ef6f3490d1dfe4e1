import Foundation

/// A single-use secret mailed to a person: to verify an e-mail address or to reset a password.
/// Only its SHA-256 hash is stored, so a copy of the database cannot be used to take an account.
public struct AccountToken: Sendable, Equatable {
    public enum Purpose: String, Sendable, Codable, CaseIterable {
        case emailVerification
        case passwordReset

        /// Source: the rules — a reset link lives 30 minutes; a verification link, as
        /// is usual, 48 hours.
        public var lifetime: TimeInterval {
            switch self {
            case .emailVerification: 48 * 3600
            case .passwordReset: 30 * 60
            }
        }
    }

    public let id: UUID
    public let accountID: AccountID
    public let purpose: Purpose
    public let tokenHash: String
    public let createdAt: Date
    public let expiresAt: Date
    public var usedAt: Date?

    public init(
        id: UUID, accountID: AccountID, purpose: Purpose, tokenHash: String, createdAt: Date, usedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.purpose = purpose
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = createdAt.addingTimeInterval(purpose.lifetime)
        self.usedAt = usedAt
    }

    public func isUsable(at instant: Date) -> Bool { usedAt == nil && instant < expiresAt }
}
