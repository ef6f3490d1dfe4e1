import Foundation

/// A court CM/ECF account: the court login of the legacy system, with its role and the addresses
/// that receive the court's notices. After the cutover it is linked, once, to one PACER account.
public struct CourtAccount: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case active
        case disabled
    }

    public let id: CourtAccountID
    public let court: CourtID
    public var login: CourtLogin
    /// `nil` once the account is linked (the legacy password is gone) or before one is set.
    public var passwordHash: String?
    public var role: CourtRole
    public var firstName: String
    public var lastName: String
    public var email: EmailAddress
    /// Source: CM/ECF — up to five secondary addresses also receive the notices.
    public var secondaryEmails: [EmailAddress]
    public var barNumber: String?
    public var barState: String?
    public var status: Status
    public let createdAt: Date
    public var mustChangePassword: Bool
    public var lockedUntil: Date?
    public var linkedAccount: AccountID?
    public var linkedAt: Date?
    /// A notice for each filing, or one daily summary.
    public var noticeDelivery: NoticeDelivery

    public static let maximumSecondaryEmails = 5

    public init(
        id: CourtAccountID, court: CourtID, login: CourtLogin, passwordHash: String?, role: CourtRole,
        firstName: String, lastName: String, email: EmailAddress, secondaryEmails: [EmailAddress] = [],
        barNumber: String? = nil, barState: String? = nil, status: Status = .active, createdAt: Date,
        mustChangePassword: Bool = false, lockedUntil: Date? = nil, linkedAccount: AccountID? = nil,
        linkedAt: Date? = nil, noticeDelivery: NoticeDelivery = .eachFiling
    ) {
        self.noticeDelivery = noticeDelivery
        self.id = id
        self.court = court
        self.login = login
        self.passwordHash = passwordHash
        self.role = role
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.secondaryEmails = secondaryEmails
        self.barNumber = barNumber
        self.barState = barState
        self.status = status
        self.createdAt = createdAt
        self.mustChangePassword = mustChangePassword
        self.lockedUntil = lockedUntil
        self.linkedAccount = linkedAccount
        self.linkedAt = linkedAt
    }

    public var fullName: String { "\(firstName) \(lastName)" }
    public var isLinked: Bool { linkedAccount != nil }

    /// Every address of the account, primary first.
    public var allEmails: [EmailAddress] { [email] + secondaryEmails }

    /// Source: DESIGN.md, "Accounts and linking rules" — once linked, the legacy password can no
    /// longer sign in; a disabled account never signs in.
    public var legacyPasswordWorks: Bool { status == .active && !isLinked && passwordHash != nil }
}
