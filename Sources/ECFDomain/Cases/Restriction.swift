/// Who may see a case, an entry or a document.
///
/// Source: DESIGN.md "Cases, filings, docket" — public; case participants only; sealed (court
/// users only); ex parte (the court and the filer).
public enum Restriction: String, Sendable, Codable, CaseIterable, Comparable {
    case `public`
    case caseParticipants
    case sealed
    case exParte

    public var label: String {
        switch self {
        case .public: "Public"
        case .caseParticipants: "Case participants only"
        case .sealed: "Sealed"
        case .exParte: "Ex parte"
        }
    }

    private var rank: Int {
        switch self {
        case .public: 0
        case .caseParticipants: 1
        case .exParte: 2
        case .sealed: 3
        }
    }

    public static func < (lhs: Restriction, rhs: Restriction) -> Bool { lhs.rank < rhs.rank }
}
