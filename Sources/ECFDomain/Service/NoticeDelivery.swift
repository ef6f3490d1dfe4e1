/// How a court account wants its Notices of Electronic Filing.
///
/// Source: CM/ECF's "Maintain Your ECF Account → Email Information": a notice for each filing, or
/// one daily summary ("Summary Report") of the day's filings.
public enum NoticeDelivery: String, Sendable, Codable, CaseIterable {
    case eachFiling
    case dailySummary

    public var label: String {
        switch self {
        case .eachFiling: "A notice for each filing"
        case .dailySummary: "One summary a day"
        }
    }
}
