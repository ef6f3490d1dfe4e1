/// The role a party plays in a case, as the docket names it.
public enum PartyType: String, Sendable, Codable, CaseIterable {
    case plaintiff
    case defendant
    case petitioner
    case respondent
    case debtor
    case jointDebtor
    case trustee
    case creditor
    case interestedParty
    case intervenor
    case movant

    public var label: String {
        switch self {
        case .plaintiff: "Plaintiff"
        case .defendant: "Defendant"
        case .petitioner: "Petitioner"
        case .respondent: "Respondent"
        case .debtor: "Debtor"
        case .jointDebtor: "Joint Debtor"
        case .trustee: "Trustee"
        case .creditor: "Creditor"
        case .interestedParty: "Interested Party"
        case .intervenor: "Intervenor"
        case .movant: "Movant"
        }
    }
}

/// A party to a case.
public struct Party: Hashable, Sendable, Codable {
    public let id: Int64
    public let caseID: CaseID
    public var name: String
    public var type: PartyType
    public var dateTerminated: DateOnly?

    public init(id: Int64, caseID: CaseID, name: String, type: PartyType, dateTerminated: DateOnly? = nil) {
        self.id = id
        self.caseID = caseID
        self.name = name
        self.type = type
        self.dateTerminated = dateTerminated
    }
}

/// How an attorney represents a party, as the docket lists it under the attorney's name.
///
/// Source: CM/ECF docket reports ("LEAD ATTORNEY", "ATTORNEY TO BE NOTICED", "PRO HAC VICE").
public struct AttorneyRoles: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let lead = AttorneyRoles(rawValue: 1)
    public static let toBeNoticed = AttorneyRoles(rawValue: 2)
    public static let proHacVice = AttorneyRoles(rawValue: 4)

    /// The docket's words, in the docket's order.
    public var labels: [String] {
        [
            (AttorneyRoles.lead, "LEAD ATTORNEY"), (.proHacVice, "PRO HAC VICE"),
            (.toBeNoticed, "ATTORNEY TO BE NOTICED"),
        ]
        .filter { contains($0.0) }.map(\.1)
    }
}
