import ECFDomain
import ECFServices
import Foundation

/// `/ecf/{court}/webhooks`: the signed-in PACER account's docket webhooks in this court, a new
/// one's signing secret (once), and the form to add one.
struct WebhooksPage: Page {
    static let template = "court-webhooks"

    struct Row: Sendable, TemplateFields {
        let id: String
        let url: String
        let watches: String
        let state: String
        let lastDelivered: String
        let lastFailure: String?
        let active: Bool
    }

    let title: String
    let nav: NavBar
    let csrfToken: String
    let courtID: String
    let notice: String?
    let newSecret: String?
    let rows: [Row]
    let hasRows: Bool
    let urlField: FormField
    let caseField: FormField
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "The webhook was not added"

    init(
        context: AppRequestContext, court: OpenCourt, webhooks: [Webhook], numbers: [CaseID: String],
        made: CourtWebhooks.Made?, notice: String?, form: FormData, problems: [String: String]
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        title = "Docket webhooks in \(court.court.name)"
        courtID = court.id.rawValue
        self.notice = notice
        newSecret = made?.secret
        let style = Date.FormatStyle(
            date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_US"), timeZone: court.zone)
        rows = webhooks.map { webhook in
            Row(
                id: webhook.id.description, url: webhook.url,
                watches: webhook.caseID.map { "Case \(numbers[$0] ?? String($0.rawValue))" }
                    ?? "Every public entry of the court",
                state: Self.state(of: webhook, style),
                lastDelivered: webhook.lastDeliveredAt?.formatted(style) ?? "Not yet", lastFailure: webhook.lastFailure,
                active: webhook.isActive)
        }
        hasRows = !rows.isEmpty
        urlField = FormField(
            "url", "Receiver's address", type: "url", autocomplete: "url",
            hint: "An https:// address of your program; each new entry is POSTed there as JSON.", answers: form,
            problems: problems)
        caseField = FormField(
            "number", "Case number (optional)", autocomplete: "off",
            hint: "For example 1:26-cv-00001. Leave empty for every public entry of the court.", answers: form,
            problems: problems)
        errors = [ErrorSummaryItem](problems, order: ["url", "number"])
        hasErrors = !errors.isEmpty
    }

    /// On, on but failing (since when, how many in a row), or off.
    static func state(of webhook: Webhook, _ style: Date.FormatStyle) -> String {
        guard webhook.isActive else { return "Off after \(webhook.consecutiveFailures) failed deliveries" }
        guard let since = webhook.failingSince else { return "On" }
        let count = webhook.consecutiveFailures
        return
            "On, failing since \(since.formatted(style)) (\(count) failed \(count == 1 ? "delivery" : "deliveries") in a row)"
    }
}
