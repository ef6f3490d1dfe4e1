/// `/pacer/login`: one sign-in for the PSC and every court.
struct SignInPage: Page {
    static let template = "pacer-login"

    let title = "Sign in to PACER"
    let nav: NavBar
    let csrfToken: String
    let fields: [FormField]
    let problem: String?
    let notice: String?

    init(context: AppRequestContext, username: String = "", problem: String? = nil, notice: String? = nil) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        fields = [
            FormField("username", "Username", value: username, autocomplete: "username"),
            FormField("password", "Password", type: "password", autocomplete: "current-password"),
        ]
        self.problem = problem
        self.notice = notice
    }
}
