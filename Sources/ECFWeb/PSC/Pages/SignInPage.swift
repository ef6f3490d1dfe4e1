/// `/pacer/login`: one sign-in for the PSC and every court.
struct SignInPage: Page {
    static let template = "pacer-login"

    let title = "Sign in to PACER"
    let nav: NavBar
    let csrfToken: String
    let fields: [FormField]
    let problem: String?
    let notice: String?
    /// Where to go after signing in (a path on this site), carried through the form.
    let next: String?

    init(
        context: AppRequestContext, username: String = "", problem: String? = nil, notice: String? = nil,
        asksForCode: Bool = false, next: String? = nil
    ) {
        self.next = next.flatMap(Self.safeNext)
        nav = NavBar(context)
        csrfToken = context.csrfToken
        var fields = [
            FormField("username", "Username", value: username, autocomplete: "username"),
            FormField("password", "Password", type: "password", autocomplete: "current-password"),
        ]
        if asksForCode {
            fields.append(
                FormField(
                    "otp", "Code from your authenticator app", autocomplete: "one-time-code",
                    hint: "6 digits, or one of your backup codes such as abcde-fghjk."))
        }
        self.fields = fields
        self.problem = problem
        self.notice = notice
    }

    /// Only a path on this site: `/ecf/cacd/link`, never `//elsewhere` or `https://…`.
    static func safeNext(_ text: String) -> String? {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), text.count < 300 else { return nil }
        return text
    }
}
