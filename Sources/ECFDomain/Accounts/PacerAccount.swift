import Foundation

/// An individual PACER account: one person, one account, for every court.
public struct PacerAccount: Sendable, Equatable {
    public let id: AccountID
    public var username: Username
    public var passwordHash: String
    public var firstName: String
    public var lastName: String
    public var email: EmailAddress
    public var emailVerifiedAt: Date?
    /// Missing on legacy accounts until they upgrade.
    public var dateOfBirth: DateOnly?
    public var address: PostalAddress?
    public var userType: UserType?
    public var status: AccountStatus
    public let createdAt: Date
    public var upgradedAt: Date?
    public var lockedUntil: Date?
    /// A one-time password was issued (legacy import without a hash): it must be changed on sign-in.
    public var mustChangePassword: Bool

    public init(
        id: AccountID, username: Username, passwordHash: String, firstName: String, lastName: String,
        email: EmailAddress, emailVerifiedAt: Date?, dateOfBirth: DateOnly?, address: PostalAddress?,
        userType: UserType?, status: AccountStatus, createdAt: Date, upgradedAt: Date?, lockedUntil: Date? = nil,
        mustChangePassword: Bool = false
    ) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.emailVerifiedAt = emailVerifiedAt
        self.dateOfBirth = dateOfBirth
        self.address = address
        self.userType = userType
        self.status = status
        self.createdAt = createdAt
        self.upgradedAt = upgradedAt
        self.lockedUntil = lockedUntil
        self.mustChangePassword = mustChangePassword
    }

    /// A legacy account was issued before PACER's 2014 modernization and has not been upgraded
    /// since; it cannot e-file in a NextGen court until it is.
    public var isLegacy: Bool { LegacyAccounts.isLegacy(createdAt: createdAt, upgradedAt: upgradedAt) }

    public var fullName: String { "\(firstName) \(lastName)" }
}

/// The legacy-account rule.
public enum LegacyAccounts {
    /// Source: PACER's NextGen notices — accounts created before August 11, 2014 are "legacy"
    /// accounts and must be upgraded before they can e-file in a NextGen CM/ECF court.
    public static let cutoff = DateOnly(year: 2014, month: 8, day: 11).startOfDay(
        in: TimeZone(identifier: "America/Chicago")!)

    public static func isLegacy(createdAt: Date, upgradedAt: Date?) -> Bool {
        createdAt < cutoff && upgradedAt == nil
    }
}
