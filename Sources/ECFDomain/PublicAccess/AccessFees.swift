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

    /// A filed document's kind: a written opinion is free; a transcript of proceedings (an event
    /// whose id starts with `transcript`) is billed for every page; anything else is capped.
    public static func document(pages: Int, eventID: String) -> Kind {
        if EventCatalog.writtenOpinions.contains(eventID) { return .writtenOpinion }
        return eventID.hasPrefix("transcript") ? .transcript(pages: pages) : .document(pages: pages)
    }

    public static func fee(_ kind: Kind) -> Money { Money(cents: perPage.cents * pages(kind)) }

    /// 4,321 bytes are two pages; an empty report still one.
    static func reportPages(_ bytes: Int) -> Int { max(1, (bytes + bytesPerPage - 1) / bytesPerPage) }

    /// What is billed for a quarter whose charges total `total`: nothing up to $30.00, all of it above.
    public static func billed(quarterTotal total: Money) -> Money { total <= quarterlyWaiver ? .zero : total }
}

extension AccessFees {
    /// Why a view costs nothing, when it does.
    public enum FreeBecause: String, Sendable, Equatable {
        /// The whole court runs without fees (its setting).
        case feeFreeCourt
        /// Court staff: the clerk's office and chambers.
        case courtUser
        /// The case's own attorneys and parties.
        case caseParticipant
        /// The first look through a Notice of Electronic Filing.
        case freeLook
        /// The court exempted this account (pro bono counsel, researchers…).
        case exemption
        /// Written opinions are free to everyone.
        case writtenOpinion

        public var label: String {
            switch self {
            case .feeFreeCourt: "this court charges no fees"
            case .courtUser: "court users view free"
            case .caseParticipant: "case participants view their own case free"
            case .freeLook: "free look from a notice of electronic filing"
            case .exemption: "fee exemption granted by the court"
            case .writtenOpinion: "written opinions are free"
            }
        }
    }

    /// Who views free, in this order.
    ///
    /// Source: EPA Fee Schedule ¶ 8 and its exemptions: no fee for court users, for the parties' and
    /// attorneys' one free electronic copy (the NEF's free look), for opinions; courts may exempt
    /// persons or classes (indigents, pro bono attorneys, researchers) for their court. DESIGN.md:
    /// "Case participants signed in always view their own case's documents free"; a court may run fee-free.
    public static func freeBecause(
        _ kind: Kind, viewer: Viewer, feeFreeCourt: Bool, exempt: Bool, freeLook: Bool
    ) -> FreeBecause? {
        if feeFreeCourt { return .feeFreeCourt }
        if case .writtenOpinion = kind { return .writtenOpinion }
        switch viewer {
        case .court: return .courtUser
        case .participant: return .caseParticipant
        case .outsider: break
        }
        if freeLook { return .freeLook }
        if exempt { return .exemption }
        return nil
    }
}
