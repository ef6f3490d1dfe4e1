import ECFDomain
import ECFServices
import Foundation

/// `/pacer/account/tokens`: the account's personal API tokens, a new token's secret (once), and
/// the form to make one.
struct APITokensPage: Page {
    static let template = "pacer-api-tokens"

    struct Row: Sendable, TemplateFields {
        let id: String
        let name: String
        let scopes: String
        let hint: String
        let created: String
        let expires: String
        let lastUsed: String
        let state: String
        let active: Bool
    }

    typealias Choice = RegisterPage.Option

    let title = "API tokens"
    let nav: NavBar
    let csrfToken: String
    let rows: [Row]
    let hasRows: Bool
    let newSecret: String?
    let newName: String?
    let notice: String?
    let nameField: FormField
    let scopeChoices: [Choice]
    let scopesError: String?
    let expiryChoices: [Choice]
    let mfaEnabled: Bool
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "The token was not made"

    init(
        context: AppRequestContext, tokens: [APIToken], now: Date, mfaEnabled: Bool, made: APITokens.Made?,
        notice: String?, form: FormData, problems: [String: String]
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        self.mfaEnabled = mfaEnabled
        self.notice = notice
        newSecret = made?.secret
        newName = made?.token.name
        let style = Date.FormatStyle(
            date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_US"),
            timeZone: TimeZone(identifier: "America/Chicago")!)
        rows = tokens.map { token in
            let state = token.state(at: now)
            return Row(
                id: token.id.uuidString.lowercased(), name: token.name,
                scopes: token.scopes.names.joined(separator: ", "),
                hint: "…" + token.hint, created: token.createdAt.formatted(style),
                expires: token.expiresAt?.formatted(style) ?? "Never",
                lastUsed: token.lastUsedAt?.formatted(style) ?? "Not yet",
                state: state == .active ? "Active" : state == .expired ? "Expired" : "Revoked", active: state == .active
            )
        }
        hasRows = !rows.isEmpty
        nameField = FormField(
            "name", "Token name", type: "text", autocomplete: "off",
            hint: "Where the token is used, so that you can tell it apart, like “docketing script”.", answers: form,
            problems: problems)
        scopeChoices = [
            Choice(
                value: "file", label: "File documents (needs two-step verification)",
                checked: form.checked("scope-file")),
            Choice(
                value: "clerk", label: "Act for the clerk's office (needs two-step verification)",
                checked: form.checked("scope-clerk")),
        ]
        scopesError = problems["scopes"]
        let chosen = form["expires"] ?? "90"
        expiryChoices = APITokenRoutes.expiryChoices.map {
            Choice(value: $0.value, label: $0.label, checked: $0.value == chosen)
        }
        errors = [ErrorSummaryItem](problems, order: ["name", "scopes", "expiresAt"]).map {
            ErrorSummaryItem(
                field: $0.field == "scopes" ? "scope-file" : $0.field == "expiresAt" ? "expires-90" : $0.field,
                message: $0.message)
        }
        hasErrors = !errors.isEmpty
    }
}
