import ECFDomain
import ECFServices
import Foundation

/// The free search of docket text and its results, for one court (`/ecf/{court}/search`) and for
/// every court (`/pacer/search`). A plain GET form: works without JavaScript; the found words are
/// marked with `<mark>` in each entry's snippet.
struct DocketTextSearchScreen: Page {
    static let template = "docket-text-search"

    struct Hit: Sendable, TemplateFields {
        let court: String
        let caseNumber: String
        let caseTitle: String
        let docketLink: String
        let entryNumber: String
        let dateFiled: String
        let snippet: [TextSnippet.Part]
    }

    let title: String
    let nav: NavBar
    let intro: String
    let action: String
    let national: Bool
    let fields: [FormField]
    let orders: [SelectOption]
    let hasErrors: Bool
    let errorHeading = "Check the search"
    let errors: [ErrorSummaryItem]
    let searched: Bool
    let hits: [Hit]
    let hasHits: Bool
    let resultCount: String
    let nextLink: String?
    /// The national search offers to save itself, with alerts of new entries.
    let saveLink: String?

    static let order = ["q", "court", "filedFrom", "filedTo", "sort"]
    static let parameters = ["q", "court", "filedFrom", "filedTo", "sort", "cursor", "limit"]

    /// - Parameters:
    ///   - answers: the query string as typed, shown again in the form.
    ///   - zone: the time zone of the dates shown (the court's; the locator shows each court's own).
    init(
        context: AppRequestContext, title: String, intro: String, action: String, national: Bool,
        answers: [String: String], result: Result<(DocketTextPage, DocketTextSearch), FieldProblems>?
    ) {
        nav = NavBar(context)
        self.title = title
        self.intro = intro
        self.action = action
        self.national = national
        let problems: [String: String] = if case .failure(let problems) = result { problems.byField } else { [:] }
        var fields = [
            FormField(
                "q", "Words in the docket text", type: "search", value: answers["q"] ?? "",
                hint: "Every word must appear; a word also finds longer words it begins. Put a phrase in quotes.",
                error: problems["q"])
        ]
        if national {
            fields.append(
                FormField(
                    "court", "Court", value: answers["court"] ?? "", hint: "A court id such as nysd; empty for all.",
                    error: problems["court"]))
        }
        fields += [
            FormField(
                "filedFrom", "Filed on or after", type: "date", value: answers["filedFrom"] ?? "",
                hint: "YYYY-MM-DD", error: problems["filedFrom"]),
            FormField(
                "filedTo", "Filed on or before", type: "date", value: answers["filedTo"] ?? "", hint: "YYYY-MM-DD",
                error: problems["filedTo"]),
        ]
        self.fields = fields
        let sort = answers["sort"] ?? ""
        orders = [("relevance", "Best match first"), ("date", "Newest first")].map {
            SelectOption(value: $0.0, label: $0.1, selected: sort == $0.0)
        }
        errors = .init(problems, order: Self.order)
        hasErrors = !errors.isEmpty
        guard case .success(let (page, search)) = result else {
            searched = false
            hits = []
            hasHits = false
            resultCount = ""
            nextLink = nil
            saveLink = nil
            return
        }
        searched = true
        hits = page.hits.map { hit in
            let zone = FederalCourts.court(hit.court)?.timeZone ?? .gmt
            return Hit(
                court: hit.court.rawValue, caseNumber: hit.caseNumber, caseTitle: hit.caseTitle,
                docketLink: CourtPaths.docketReport(hit.court, hit.caseID),
                entryNumber: hit.number.map(String.init) ?? "", dateFiled: DateOnly(hit.dateFiled, in: zone).usFormat,
                snippet: TextSnippet.of(hit.text, words: search.words).parts)
        }
        hasHits = !hits.isEmpty
        resultCount =
            hits.isEmpty
            ? "No docket entries match this search."
            : "\(hits.count) \(hits.count == 1 ? "entry" : "entries")\(page.next == nil ? "" : " on this page")."
        nextLink = page.next.map { CaseSearchScreen.nextPage(action, answers, cursor: $0.description) }
        saveLink =
            national
            ? "/pacer/account/searches?kind=text&query="
                + (answers["q"] ?? "").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            : nil
    }
}
