import Foundation

/// A case in a court, with what its docket header shows.
public struct CourtCase: Hashable, Sendable, Codable {
    public let id: CaseID
    public var number: CaseNumber
    /// The caption, e.g. `Roe v. Bolt Fasteners, Inc.`
    public var title: String
    public var natureOfSuit: NatureOfSuit?
    public var cause: String
    public var jurisdiction: String
    public var juryDemand: String
    public var demand: String
    public let dateFiled: DateOnly
    public var dateTerminated: DateOnly?
    public var restriction: Restriction
    /// A bankruptcy case's chapter; `nil` in every other court.
    public var chapter: BankruptcyChapter?

    public init(
        id: CaseID, number: CaseNumber, title: String, natureOfSuit: NatureOfSuit?, cause: String = "",
        jurisdiction: String = "", juryDemand: String = "None", demand: String = "", dateFiled: DateOnly,
        dateTerminated: DateOnly? = nil, restriction: Restriction = .public, chapter: BankruptcyChapter? = nil
    ) {
        self.chapter = chapter
        self.id = id
        self.number = number
        self.title = title
        self.natureOfSuit = natureOfSuit
        self.cause = cause
        self.jurisdiction = jurisdiction
        self.juryDemand = juryDemand
        self.demand = demand
        self.dateFiled = dateFiled
        self.dateTerminated = dateTerminated
        self.restriction = restriction
    }
}
