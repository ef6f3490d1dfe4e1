import Foundation

/// How a court account takes part in a case: as attorney of record for a party, or as a party
/// representing itself.
public struct Participation: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        case attorney(AttorneyRoles)
        case proSe
    }

    public let caseID: CaseID
    public let partyID: Int64
    public let account: CourtAccountID
    public let kind: Kind
    public var dateTerminated: DateOnly?

    public init(caseID: CaseID, partyID: Int64, account: CourtAccountID, kind: Kind, dateTerminated: DateOnly? = nil) {
        self.caseID = caseID
        self.partyID = partyID
        self.account = account
        self.kind = kind
        self.dateTerminated = dateTerminated
    }

    public var isActive: Bool { dateTerminated == nil }
}
