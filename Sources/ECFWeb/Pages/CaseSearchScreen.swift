import ECFDomain
import ECFServices
import Foundation

/// The search form and its results, for a court's Query (`/ecf/{court}/cgi-bin/iquery.pl`) and
/// for the national case locator (`/pacer/locator`). A plain GET form: works without JavaScript,
/// and a results page can be bookmarked.
struct CaseSearchScreen: Page {
    static let template = "case-search"

    struct Hit: Sendable, TemplateFields {
        let court: String
        let number: String
        let title: String
        let dateFiled: String
        let dateTerminated: String
        let docketLink: String?
        let sealed: Bool
    }

    let title: String
    let nav: NavBar
    let intro: String
    let action: String
    let national: Bool
    let fields: [FormField]
    let statuses: [SelectOption]
    let hasErrors: Bool
    let errorHeading = "Check the search"
    let errors: [ErrorSummaryItem]
    let searched: Bool
    let hits: [Hit]
    let hasHits: Bool
    let resultCount: String
    let nextLink: String?
    /// The transaction receipt of a billed search.
    var receipt: ReceiptView?

    static let order = ["number", "party", "court", "natureOfSuit", "filedFrom", "filedTo", "status"]

    /// - Parameters:
    ///   - answers: the query string as typed, shown again in the form.
    ///   - result: the search's page, or the problems with what was typed; nil before a search.
    init(
        context: AppRequestContext, title: String, intro: String, action: String, national: Bool,
        answers: [String: String], result: Result<CaseSearchPage, FieldProblems>?
    ) {
        nav = NavBar(context)
        self.title = title
        self.intro = intro
        self.action = action
        self.national = national
        let problems: [String: String] = if case .failure(let problems) = result { problems.byField } else { [:] }
        var fields = [
            FormField(
                "number", "Case number", value: answers["number"] ?? "",
                hint: "For example 2:26-cv-00001, 26-1 or 2:26cv1.", error: problems["number"]),
            FormField(
                "party", "Party name", value: answers["party"] ?? "",
                hint: "The start of a last name or of a company's name; capitals and accents do not matter.",
                error: problems["party"]),
        ]
        if national {
            fields.append(
                FormField(
                    "court", "Court", value: answers["court"] ?? "", hint: "A court id such as nysd; empty for all.",
                    error: problems["court"]))
        }
        fields += [
            FormField(
                "natureOfSuit", "Nature of suit", value: answers["natureOfSuit"] ?? "",
                hint: "A three-digit code, for example 190.", error: problems["natureOfSuit"]),
            FormField(
                "filedFrom", "Filed on or after", type: "date", value: answers["filedFrom"] ?? "",
                hint: "YYYY-MM-DD", error: problems["filedFrom"]),
            FormField(
                "filedTo", "Filed on or before", type: "date", value: answers["filedTo"] ?? "", hint: "YYYY-MM-DD",
                error: problems["filedTo"]),
        ]
        self.fields = fields
        statuses = [("", "Open or closed"), ("open", "Open"), ("closed", "Closed")].map {
            SelectOption(value: $0.0, label: $0.1, selected: (answers["status"] ?? "") == $0.0)
        }
        errors = .init(problems, order: Self.order)
        hasErrors = !errors.isEmpty
        if case .success(let page) = result {
            searched = true
            hits = page.hits.map { hit in
                let sealed = hit.restriction == .sealed && hit.title == "Sealed"
                return Hit(
                    court: hit.court.rawValue, number: hit.number, title: hit.title,
                    dateFiled: hit.dateFiled?.usFormat ?? "", dateTerminated: hit.dateTerminated?.usFormat ?? "",
                    docketLink: sealed ? nil : CourtPaths.docketReport(hit.court, hit.caseID),
                    sealed: sealed)
            }
            hasHits = !hits.isEmpty
            resultCount =
                hits.isEmpty
                ? "No cases match this search."
                : "\(hits.count) \(hits.count == 1 ? "case" : "cases")\(page.next == nil ? "" : " on this page")."
            nextLink = page.next.map { Self.nextPage(action, answers, cursor: $0.description) }
        } else {
            searched = false
            hits = []
            hasHits = false
            resultCount = ""
            nextLink = nil
        }
    }

    /// The link to the next page of a search: what was asked, and where the page ended.
    static func nextPage(_ action: String, _ answers: [String: String], cursor: String) -> String {
        var query = answers.filter { $0.key != "cursor" && !$0.value.isEmpty }
        query["cursor"] = cursor
        return action + "?" + queryString(query)
    }

    static func queryString(_ query: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return query.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
