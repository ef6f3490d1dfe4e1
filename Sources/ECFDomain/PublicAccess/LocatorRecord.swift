import Foundation

/// A court's case as it tells the national case locator: what a search may find and show. A
/// sealed case is told by its number alone — no caption, nature of suit or party names leave the
/// court — so the locator can never show more of it than its number and "Sealed".
///
/// Source: PACER Case Locator (a national index of the courts' cases, fed by each court); issue 7
/// ("a sealed case shows to the public only its number and 'sealed'").
public struct LocatorRecord: Sendable, Equatable {
    public let court: CourtID
    public let caseID: CaseID
    public let number: String
    public let numberBase: String
    public let title: String
    public let natureOfSuit: Int?
    public let dateFiled: DateOnly
    public let dateTerminated: DateOnly?
    public let restriction: Restriction
    public let partyNames: [String]

    public init(court: CourtID, courtCase: CourtCase, parties: [Party]) {
        let sealed = courtCase.restriction == .sealed
        self.court = court
        caseID = courtCase.id
        number = courtCase.number.description
        numberBase = courtCase.number.base
        title = sealed ? "" : courtCase.title
        natureOfSuit = sealed ? nil : courtCase.natureOfSuit?.code
        dateFiled = courtCase.dateFiled
        dateTerminated = courtCase.dateTerminated
        restriction = sealed ? .sealed : .public
        partyNames = sealed ? [] : parties.map(\.name)
    }
}
