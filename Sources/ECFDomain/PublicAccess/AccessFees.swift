/// What PACER charges for viewing: the Judicial Conference's Electronic Public Access Fee Schedule.
///
/// Source: EPA Fee Schedule (effective 2020), ¶ 1 ($0.10 per page; a document's fee capped at the
/// fee for 30 pages, not for transcripts of federal court proceedings; docket reports and other
/// case-specific reports capped likewise), ¶ 1's note (a page of an HTML report or search result
/// is 4,320 bytes; a search that finds nothing is billed one page), ¶ 8 and the Schedule's
/// exemptions (no fee for court opinions, for the parties' and attorneys' one free copy, for a user
/// whose charges in a quarter total $30 or less).
public enum AccessFees {
    public static let perPage = Money(cents: 10)
    /// The most pages a document or a docket report is billed for ($3.00).
    public static let capPages = 30
    /// The bytes of HTML that make one billable page.
    public static let bytesPerPage = 4_320
    /// A quarter's charges up to this amount are waived entirely.
    public static let quarterlyWaiver = Money(cents: 3_000)

    public enum Kind: Sendable, Equatable {
        case document(pages: Int)
        case transcript(pages: Int)
        case docketReport(bytes: Int)
        /// Search results, case query and other reports (not capped).
        case report(bytes: Int)
        /// A search that found nothing.
        case emptySearch
        case writtenOpinion
    }

    /// The billable pages of a view.
    public static func pages(_ kind: Kind) -> Int {
        switch kind {
        case .document(let pages): min(max(pages, 0), capPages)
        case .transcript(let pages): max(pages, 0)
        case .docketReport(let bytes): min(reportPages(bytes), capPages)
        case .report(let bytes): reportPages(bytes)
        case .emptySearch: 1
        case .writtenOpinion: 0
        }
    }

    public static func fee(_ kind: Kind) -> Money { Money(cents: perPage.cents * pages(kind)) }

    /// 4,321 bytes are two pages; an empty report still one.
    static func reportPages(_ bytes: Int) -> Int { max(1, (bytes + bytesPerPage - 1) / bytesPerPage) }

    /// What is billed for a quarter whose charges total `total`: nothing up to $30.00, all of it above.
    public static func billed(quarterTotal total: Money) -> Money { total <= quarterlyWaiver ? .zero : total }
}
