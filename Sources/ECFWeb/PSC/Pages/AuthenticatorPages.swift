/// Adding an authenticator app: the key to type in (or the otpauth link), then a code from it.
struct EnrolmentPage: Page {
    static let template = "pacer-mfa-enrol"

    let title = "Add an authenticator app"
    let nav: NavBar
    let csrfToken: String
    let secret: String?
    let otpauthURI: String?
    let fields: [FormField]
    let problem: String?

    init(context: AppRequestContext, secret: String?, otpauthURI: String?, problem: String? = nil) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        self.secret = secret
        self.otpauthURI = otpauthURI
        self.problem = problem
        fields = [
            FormField(
                "code", "Code from the app", autocomplete: "one-time-code", hint: "The 6 digits the app shows now.",
                error: problem)
        ]
    }
}

/// The backup codes, shown once.
struct BackupCodesPage: Page {
    static let template = "pacer-mfa-codes"

    let title = "Two-step verification is on"
    let nav: NavBar
    let codes: [String]
    let hasCodes: Bool

    init(context: AppRequestContext, codes: [String]) {
        nav = NavBar(context)
        self.codes = codes
        hasCodes = !codes.isEmpty
    }
}
