/// "Forgot password" and "forgot username": one field, and the same answer whatever was typed.
struct RecoveryPage: Page {
    static let template = "pacer-recovery"

    let title: String
    let nav: NavBar
    let csrfToken: String
    let action: String
    let explanation: String
    let fields: [FormField]
    let button: String

    static func password(_ context: AppRequestContext) -> RecoveryPage {
        RecoveryPage(
            title: "Reset your password", nav: NavBar(context), csrfToken: context.csrfToken,
            action: "/pacer/forgot-password",
            explanation:
                "Enter your username or the e-mail address of your account. We will e-mail a link to choose a new password.",
            fields: [FormField("usernameOrEmail", "Username or e-mail address", autocomplete: "username")],
            button: "E-mail me a reset link")
    }

    static func username(_ context: AppRequestContext) -> RecoveryPage {
        RecoveryPage(
            title: "Find your username", nav: NavBar(context), csrfToken: context.csrfToken,
            action: "/pacer/forgot-username",
            explanation: "Enter the e-mail address of your account. We will e-mail you its username.",
            fields: [FormField("email", "E-mail address", type: "email", autocomplete: "email")],
            button: "E-mail me my username")
    }
}
