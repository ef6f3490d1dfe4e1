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
    /// The case's public entries, for the national search of docket text: none for a case that
    /// is not public, and none of the entries that are not.
    public let entries: [LocatorEntry]

    public init(court: CourtID, courtCase: CourtCase, parties: [Party], entries: [DocketEntry] = []) {
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
        self.entries = entries.compactMap { LocatorEntry(court: court, courtCase: courtCase, entry: $0) }
    }
}

/// One docket entry as the national search of docket text knows it. Only a public entry of a
/// public case leaves the court.
public struct LocatorEntry: Sendable, Equatable {
    public let court: CourtID
    public let caseID: CaseID
    public let seq: Int
    public let number: Int?
    public let dateFiled: Date
    /// The day filed in the court's own time zone.
    public let dayFiled: DateOnly
    public let text: String

    /// `nil` when the entry or its case is not public.
    public init?(court: CourtID, courtCase: CourtCase, entry: DocketEntry) {
        guard courtCase.restriction == .public, entry.restriction == .public, entry.caseID == courtCase.id else {
            return nil
        }
        self.court = court
        caseID = courtCase.id
        seq = entry.seq
        number = entry.number
        dateFiled = entry.dateFiled
        dayFiled = DateOnly(entry.dateFiled, in: FederalCourts.court(court)?.timeZone ?? .gmt)
        text = entry.text
    }
}
