import Foundation

/// The civil cover data and parties an attorney gives to open a case, as typed.
public struct CaseOpeningForm: Sendable, Equatable, Codable {
    public struct NewParty: Sendable, Equatable {
        public let name: String
        public let type: PartyType
        /// The filing attorney represents this party.
        public let represented: Bool

        public init(name: String, type: PartyType, represented: Bool) {
            self.name = name
            self.type = type
            self.represented = represented
        }
    }

    public struct TypedParty: Sendable, Equatable, Codable {
        public var name: String
        public var type: String
        public var represented: Bool

        public init(name: String, type: String, represented: Bool) {
            self.name = name
            self.type = type
            self.represented = represented
        }
    }

    /// Basis of jurisdiction, as box II of the civil cover sheet names it.
    ///
    /// Source: Form JS 44 (Rev. 10/20), section II.
    public static let jurisdictions = [
        "U.S. Government Plaintiff", "U.S. Government Defendant", "Federal Question", "Diversity",
    ]
    /// Who demands a jury, as the docket shows it ("Jury Demand: Plaintiff").
    public static let juryDemands = ["None", "Plaintiff", "Defendant", "Both"]
    /// The party types a civil case is opened with.
    public static let openingTypes: [PartyType] = [.plaintiff, .defendant, .petitioner, .respondent, .interestedParty]

    public var title: String
    public var natureOfSuit: String
    public var cause: String
    public var jurisdiction: String
    public var juryDemand: String
    public var demand: String
    public var parties: [TypedParty]

    public init(
        title: String, natureOfSuit: String, cause: String, jurisdiction: String, juryDemand: String, demand: String,
        parties: [TypedParty]
    ) {
        self.title = title
        self.natureOfSuit = natureOfSuit
        self.cause = cause
        self.jurisdiction = jurisdiction
        self.juryDemand = juryDemand
        self.demand = demand
        self.parties = parties
    }

    public struct Valid: Sendable, Equatable {
        public let title: String
        public let natureOfSuit: NatureOfSuit
        public let cause: String
        public let jurisdiction: String
        public let juryDemand: String
        public let demand: String
        public let parties: [NewParty]

        public init(
            title: String, natureOfSuit: NatureOfSuit, cause: String, jurisdiction: String, juryDemand: String,
            demand: String, parties: [NewParty]
        ) {
            self.title = title
            self.natureOfSuit = natureOfSuit
            self.cause = cause
            self.jurisdiction = jurisdiction
            self.juryDemand = juryDemand
            self.demand = demand
            self.parties = parties
        }
    }

    /// Checks every answer and returns all problems at once, keyed by field (`parties[0].name`).
    ///
    /// Source: Form JS 44 asks for the nature of suit, the cause (the statute filed under), the
    /// basis of jurisdiction and a jury demand; a civil action has at least one plaintiff (or
    /// petitioner) and one defendant (or respondent), and the filing attorney represents a party.
    public func validate() -> Result<Valid, FieldProblems> {
        var problems = FieldProblems()
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        let title = trimmed(self.title)
        if title.isEmpty || title.count > 250 { problems["title"] = "Enter the case title, for example “Roe v. Doe”." }
        let nature = Int(trimmed(natureOfSuit)).flatMap(NatureOfSuit.named)
        if nature == nil { problems["natureOfSuit"] = "Choose the nature of suit from the civil cover sheet." }
        let cause = trimmed(self.cause)
        if cause.isEmpty || cause.count > 200 {
            problems["cause"] = "Enter the cause: the statute you file under, for example “28:1331 Federal Question”."
        }
        let jurisdiction = trimmed(self.jurisdiction)
        if !Self.jurisdictions.contains(jurisdiction) { problems["jurisdiction"] = "Choose the basis of jurisdiction." }
        let jury = trimmed(juryDemand)
        if !Self.juryDemands.contains(jury) { problems["juryDemand"] = "Choose who demands a jury, or None." }
        let demand = trimmed(self.demand)
        if demand.count > 100 { problems["demand"] = "Keep the demand under 100 characters, for example “$250,000”." }
        var parties: [NewParty] = []
        for (index, typed) in self.parties.enumerated() {
            let name = trimmed(typed.name)
            if name.isEmpty && trimmed(typed.type).isEmpty { continue }
            let type = PartyType(rawValue: trimmed(typed.type)).flatMap { Self.openingTypes.contains($0) ? $0 : nil }
            if name.isEmpty || name.count > 200 { problems["parties[\(index)].name"] = "Enter the party's name." }
            if type == nil { problems["parties[\(index)].type"] = "Choose the party's role in the case." }
            if let type, !name.isEmpty {
                parties.append(NewParty(name: name, type: type, represented: typed.represented))
            }
        }
        let sides = Set(parties.map(\.type))
        if sides.isDisjoint(with: [.plaintiff, .petitioner]) || sides.isDisjoint(with: [.defendant, .respondent]) {
            problems["parties"] = "Name at least one plaintiff (or petitioner) and one defendant (or respondent)."
        } else if !parties.contains(where: \.represented) {
            problems["parties"] = "Mark the party or parties you represent."
        }
        guard problems.isEmpty, let nature else { return .failure(problems) }
        return .success(
            Valid(
                title: title, natureOfSuit: nature, cause: cause, jurisdiction: jurisdiction, juryDemand: jury,
                demand: demand, parties: parties))
    }
}
