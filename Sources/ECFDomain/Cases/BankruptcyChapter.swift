/// The chapter of the Bankruptcy Code a case is under: liquidation (7), reorganization (11),
/// family farmers and fishermen (12), an individual's repayment plan (13), cross-border (15).
///
/// Source: 11 U.S.C. chapters 7, 11, 12, 13 and 15; the bankruptcy docket report's "Chapter N".
public enum BankruptcyChapter: Int, Sendable, Codable, CaseIterable {
    case seven = 7
    case eleven = 11
    case twelve = 12
    case thirteen = 13
    case fifteen = 15

    public var label: String { "Chapter \(rawValue)" }
}
