import Foundation

/// A PACER account's request for e-filing privileges in a NextGen court, decided by its clerk.
///
/// Source: DESIGN.md — after the cutover, new privileges come from an e-file registration request
/// made at the PSC and approved by the court's clerk.
public struct EFileRegistration: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending
        case approved
        case rejected
    }

    public let id: UUID
    public let pacerAccount: AccountID
    public let username: String
    public let firstName: String
    public let lastName: String
    public let email: EmailAddress
    public let role: CourtRole
    public let barNumber: String?
    public let barState: String?
    public let requestedAt: Date
    public var status: Status
    public var decidedAt: Date?
    public var reason: String?
    public var courtAccount: CourtAccountID?

    public init(
        id: UUID, pacerAccount: AccountID, username: String, firstName: String, lastName: String,
        email: EmailAddress, role: CourtRole, barNumber: String?, barState: String?, requestedAt: Date,
        status: Status = .pending, decidedAt: Date? = nil, reason: String? = nil, courtAccount: CourtAccountID? = nil
    ) {
        self.id = id
        self.pacerAccount = pacerAccount
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.role = role
        self.barNumber = barNumber
        self.barState = barState
        self.requestedAt = requestedAt
        self.status = status
        self.decidedAt = decidedAt
        self.reason = reason
        self.courtAccount = courtAccount
    }

    public var fullName: String { "\(firstName) \(lastName)" }
}
