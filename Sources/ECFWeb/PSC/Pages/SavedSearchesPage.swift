import ECFDomain
import Foundation

/// `/pacer/account/searches`: the account's saved searches and the form to save one.
struct SavedSearchesPage: Page {
    static let template = "pacer-saved-searches"

    struct Row: Sendable, TemplateFields {
        let id: String
        let name: String
        let kind: String
        let query: String
        let frequency: String
        let lastChecked: String
    }

    typealias Choice = RegisterPage.Option

    let title = "Saved searches and alerts"
    let nav: NavBar
    let csrfToken: String
    let notice: String?
    let rows: [Row]
    let hasRows: Bool
    let nameField: FormField
    let queryField: FormField
    let kinds: [Choice]
    let frequencies: [Choice]
    let kindError: String?
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "The search was not saved"

    init(
        context: AppRequestContext, searches: [SavedSearch], notice: String?, form: FormData,
        problems: [String: String]
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        self.notice = notice
        let style = Date.FormatStyle(
            date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_US"),
            timeZone: TimeZone(identifier: "America/Chicago")!)
        rows = searches.map {
            Row(
                id: $0.id.uuidString.lowercased(), name: $0.name,
                kind: $0.kind == .party ? "New cases with this party" : "New docket entries with these words",
                query: $0.query, frequency: $0.frequency == .daily ? "Daily" : "As filings arrive",
                lastChecked: $0.lastCheckedAt.formatted(style))
        }
        hasRows = !rows.isEmpty
        nameField = FormField(
            "name", "Name of the search", autocomplete: "off", hint: "For example: Acme Corp. as a party.",
            answers: form, problems: problems)
        queryField = FormField(
            "query", "Party name, or words to find", autocomplete: "off",
            hint: "Words must all appear in an entry; put a phrase in quotes.", answers: form, problems: problems)
        let kind = form["kind"] ?? "party"
        kinds = [
            Choice(value: "party", label: "A party's name: new cases in any court", checked: kind == "party"),
            Choice(value: "text", label: "Docket text: new entries in any court", checked: kind == "text"),
        ]
        kindError = problems["kind"]
        let frequency = form["frequency"] ?? "eachFiling"
        frequencies = [
            Choice(value: "eachFiling", label: "As filings arrive", checked: frequency == "eachFiling"),
            Choice(value: "daily", label: "Once a day", checked: frequency == "daily"),
        ]
        errors = [ErrorSummaryItem](problems, order: ["name", "kind", "query", "frequency"]).map {
            ErrorSummaryItem(
                field: $0.field == "kind" ? "kind-party" : $0.field == "frequency" ? "frequency-eachFiling" : $0.field,
                message: $0.message)
        }
        hasErrors = !errors.isEmpty
    }
}
