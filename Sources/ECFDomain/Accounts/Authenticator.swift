import Foundation

/// An authenticator app enrolled for two-step sign-in (TOTP, RFC 6238).
public struct Authenticator: Sendable, Equatable {
    /// Source: the rule — up to 5 authenticators per account.
    public static let maximumPerAccount = 5

    public let id: UUID
    public let accountID: AccountID
    public var name: String
    /// The shared secret, as HummingbirdOTP takes it (its base32 form is what the app gets).
    public let secret: String
    public let createdAt: Date
    public var confirmedAt: Date?
    /// The last 30-second step a code was accepted for: a code is never accepted twice.
    public var lastUsedStep: Int64?

    public init(
        id: UUID, accountID: AccountID, name: String, secret: String, createdAt: Date, confirmedAt: Date? = nil,
        lastUsedStep: Int64? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.secret = secret
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.lastUsedStep = lastUsedStep
    }
}

/// Single-use codes for when the authenticator is not at hand.
public enum BackupCodes {
    /// Source: the rule — 10 codes, shown once, stored hashed.
    public static let count = 10

    /// The form a typed code is compared in: lower case, no spaces or hyphens.
    public static func normalized(_ typed: String) -> String {
        typed.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
