/// A page reached from a mailed link: it shows the action as a button, so that a mail scanner
/// following the link cannot spend it (`/pacer/verify-email`, `/pacer/reset-password`).
struct TokenFormPage: Page {
    static let template = "pacer-token-form"

    let title: String
    let nav: NavBar
    let csrfToken: String
    let action: String
    let token: String
    let explanation: String
    let fields: [FormField]
    let problem: String?
    let button: String

    init(
        context: AppRequestContext, title: String, action: String, token: String, explanation: String,
        fields: [FormField] = [], problem: String? = nil, button: String
    ) {
        self.nav = NavBar(context)
        self.csrfToken = context.csrfToken
        self.title = title
        self.action = action
        self.token = token
        self.explanation = explanation
        self.fields = fields
        self.problem = problem
        self.button = button
    }
}
