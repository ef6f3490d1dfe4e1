import Foundation

/// What a court may know about a PACER account: who it is and whether it may link and file.
/// The court learns it through a port from the PSC, never from the PSC's tables.
public struct PacerProfile: Sendable, Equatable {
    public let accountID: AccountID
    public let username: String
    public let firstName: String
    public let lastName: String
    public let email: EmailAddress
    /// Source: DESIGN.md — a PACER account belongs to one person; OpenECF issues no shared
    /// (firm) accounts, so every account it knows is individual.
    public let individual: Bool
    public let upgraded: Bool
    public let active: Bool
    public let userType: UserType?
    /// What this request may do for the account: everything when signed in, a personal API
    /// token's scopes when it came with one.
    public var scopes: APIScopes = .all

    public init(
        accountID: AccountID, username: String, firstName: String, lastName: String, email: EmailAddress,
        individual: Bool, upgraded: Bool, active: Bool, userType: UserType?
    ) {
        self.accountID = accountID
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.individual = individual
        self.upgraded = upgraded
        self.active = active
        self.userType = userType
    }

    public init(_ account: PacerAccount) {
        self.init(
            accountID: account.id, username: account.username.rawValue, firstName: account.firstName,
            lastName: account.lastName, email: account.email, individual: true, upgraded: !account.isLegacy,
            active: account.status == .active, userType: account.userType)
    }

    public var fullName: String { "\(firstName) \(lastName)" }
}
