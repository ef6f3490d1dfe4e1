import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The PSC's pages under `/pacer/`: register, verify, sign in and out, Manage My Account, and
/// getting back into an account. Every form posts back with its CSRF token.
struct AccountPageRoutes {
    let accounts: AccountsWeb
    let pages: PageRenderer
    let cookies: PageSessionMiddleware

    static let notices = [
        "verified": "Your e-mail address is verified. Sign in to use your account.",
        "reset":
            "Your password is changed, and every other sign-in of your account has ended. Sign in with the new password.",
        "signedOut": "You are signed out of PACER and every court.",
        "freeLookUsed":
            "The free look of that notice's link has been used, or is more than 15 days old. Sign in with PACER to view the document.",
    ]

    static let accountNotices = [
        "verificationSent": "We e-mailed you a verification link. Open it, then come back to this page to upgrade.",
        "emailVerified": "Your e-mail address is verified.",
        "passwordChanged": "Your password is changed. Every other sign-in of your account has ended.",
        "upgraded":
            "Your account is upgraded. Once a NextGen court grants you e-filing privileges, you can file there.",
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/pacer/register") { _, context in
            try pages.render(RegisterPage(context: context))
        }
        router.post("/pacer/register") { request, context in
            let form = try await Self.form(request)
            do {
                let registered = try await accounts.register(Self.registrationForm(form))
                return try pages.render(
                    MessagePage(
                        context: context, title: "Check your e-mail",
                        paragraphs: [
                            "We sent a link to \(registered.account.email.address). Open it to finish your registration; it works for 48 hours.",
                            registered.account.status == .heldForReview
                                ? "Because an account may already exist for you, the PACER Service Center will review this registration first."
                                : "Then sign in with your username, \(registered.account.username).",
                        ]), status: .created)
            } catch let error as AccountError {
                var problems = error.fields
                if problems.isEmpty { problems["username"] = error.message }
                return try pages.render(
                    RegisterPage(context: context, form: form, problems: problems),
                    status: ErrorPageMiddleware.status(of: error.code))
            }
        }
        router.get("/pacer/verify-email") { request, context in
            try pages.render(
                TokenFormPage(
                    context: context, title: "Verify your e-mail address", action: "/pacer/verify-email",
                    token: request.uri.queryParameters.get("token") ?? "",
                    explanation: "Confirm that this e-mail address is yours to finish your PACER registration.",
                    button: "Verify my e-mail address"))
        }
        router.post("/pacer/verify-email") { request, context in
            _ = try await accounts.verifyEmail(token: try await Self.form(request).text("token"))
            return Self.redirect(
                context.signedIn == nil ? "/pacer/login?notice=verified" : "/pacer/account?notice=emailVerified")
        }
        router.get("/pacer/login") { request, context in
            let notice = request.uri.queryParameters.get("notice").flatMap { Self.notices[$0] }
            return try pages.render(
                SignInPage(context: context, notice: notice, next: request.uri.queryParameters.get("next")))
        }
        router.post("/pacer/login") { request, context in
            let form = try await Self.form(request)
            do {
                let signedIn = try await accounts.signIn(
                    .init(
                        username: form.text("username"), password: form.text("password"), otp: form["otp"],
                        client: context.clientAddress))
                let issued = try await accounts.cso.issue(for: signedIn.account, session: signedIn.session)
                var response = Self.redirect(form["next"].flatMap(SignInPage.safeNext) ?? "/pacer/account")
                response.setCookie(cookies.signInCookie(issued.token))
                return response
            } catch let error as AccountError {
                return try pages.render(
                    SignInPage(
                        context: context, username: form.text("username"), problem: error.message,
                        asksForCode: error.code == .mfaRequired || form["otp"] != nil, next: form["next"]),
                    status: ErrorPageMiddleware.status(of: error.code))
            }
        }
        router.post("/pacer/logout") { _, context in
            if let claims = context.signedIn { try await accounts.signOut(claims.sessionID) }
            var response = Self.redirect("/pacer/login?notice=signedOut")
            response.setCookie(cookies.signOutCookie())
            return response
        }
        router.get("/pacer/account") { request, context in
            let notice = request.uri.queryParameters.get("notice").flatMap { Self.accountNotices[$0] }
            return try await accountPage(context, notice: notice)
        }
        router.post("/pacer/account/password") { request, context in
            guard let claims = context.signedIn else { return Self.redirect("/pacer/login") }
            let form = try await Self.form(request)
            do {
                _ = try await accounts.changePassword(
                    claims.accountID, session: claims.sessionID, currentPassword: form.text("currentPassword"),
                    newPassword: form.text("newPasswordChange"))
                return Self.redirect("/pacer/account?notice=passwordChanged")
            } catch let error as AccountError where error.code == .invalid {
                var problems = error.fields
                if let problem = problems.removeValue(forKey: "newPassword") { problems["newPasswordChange"] = problem }
                return try await accountPage(context, problems: problems, status: .unprocessableContent)
            }
        }
        router.post("/pacer/account/mfa") { request, context in
            guard let claims = context.signedIn else { return Self.redirect("/pacer/login") }
            let form = try await Self.form(request)
            do {
                let enrolment = try await accounts.enrolAuthenticator(
                    claims.accountID, password: form.text("password"), name: form.text("name"))
                return try pages.render(
                    EnrolmentPage(context: context, secret: enrolment.secret, otpauthURI: enrolment.otpauthURI))
            } catch let error as AccountError where error.code == .invalid {
                return try await accountPage(context, problems: error.fields, status: .unprocessableContent)
            }
        }
        router.post("/pacer/account/mfa/confirm") { request, context in
            guard let claims = context.signedIn else { return Self.redirect("/pacer/login") }
            let form = try await Self.form(request)
            do {
                let codes = try await accounts.confirmAuthenticator(claims.accountID, code: form.text("code"))
                return try pages.render(BackupCodesPage(context: context, codes: codes))
            } catch let error as AccountError where error.code == .invalid {
                return try pages.render(
                    EnrolmentPage(context: context, secret: nil, otpauthURI: nil, problem: error.fields["code"]),
                    status: .unprocessableContent)
            }
        }
        router.post("/pacer/account/email-verification") { _, context in
            guard let claims = context.signedIn else { return Self.redirect("/pacer/login") }
            try await accounts.sendEmailVerification(claims.accountID)
            return Self.redirect("/pacer/account?notice=verificationSent")
        }
        router.post("/pacer/account/upgrade") { request, context in
            guard let claims = context.signedIn else { return Self.redirect("/pacer/login") }
            let form = try await Self.form(request)
            do {
                _ = try await accounts.upgrade(
                    claims.accountID,
                    form: .init(
                        dateOfBirth: form.text("dateOfBirth"), street: form.text("street"), city: form.text("city"),
                        state: form.text("state"), postalCode: form.text("postalCode"), county: form.text("county"),
                        userType: form.text("userType"), newPassword: form.text("newPassword")))
                return Self.redirect("/pacer/account?notice=upgraded")
            } catch let error as AccountError where error.code == .invalid {
                return try await accountPage(
                    context, form: form, problems: error.fields, status: .unprocessableContent)
            }
        }
        registerRecovery(on: router)
    }

    private func registerRecovery(on router: Router<AppRequestContext>) {
        router.get("/pacer/forgot-password") { _, context in try pages.render(RecoveryPage.password(context)) }
        router.post("/pacer/forgot-password") { request, context in
            try await accounts.requestPasswordReset(
                usernameOrEmail: try await Self.form(request).text("usernameOrEmail"))
            return try pages.render(
                MessagePage(context: context, title: "Check your e-mail", paragraphs: [AccountAPIRoutes.resetAnswer]))
        }
        router.get("/pacer/forgot-username") { _, context in try pages.render(RecoveryPage.username(context)) }
        router.post("/pacer/forgot-username") { request, context in
            try await accounts.requestUsernameReminder(email: try await Self.form(request).text("email"))
            return try pages.render(
                MessagePage(context: context, title: "Check your e-mail", paragraphs: [AccountAPIRoutes.reminderAnswer])
            )
        }
        router.get("/pacer/reset-password") { request, context in
            try pages.render(Self.resetPage(context, token: request.uri.queryParameters.get("token") ?? ""))
        }
        router.post("/pacer/reset-password") { request, context in
            let form = try await Self.form(request)
            do {
                _ = try await accounts.confirmPasswordReset(
                    token: form.text("token"), newPassword: form.text("newPassword"))
                var response = Self.redirect("/pacer/login?notice=reset")
                response.setCookie(cookies.signOutCookie())
                return response
            } catch let error as AccountError where error.code == .invalid {
                return try pages.render(
                    Self.resetPage(
                        context, token: form.text("token"), error: error.fields["newPassword"] ?? error.message),
                    status: .unprocessableContent)
            }
        }
    }

    /// Manage My Account for the signed-in person (read only when a page is shown, not on every
    /// successful form), or the way to sign in.
    func accountPage(
        _ context: AppRequestContext, notice: String? = nil, form: FormData = FormData(""),
        problems: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let claims = context.signedIn, let account = try await accounts.store.account(claims.accountID) else {
            return Self.redirect("/pacer/login")
        }
        return try pages.render(
            AccountPage(
                context: context, account: account, mfaEnabled: try await accounts.mfaEnabled(account.id),
                notice: notice, form: form, problems: problems), status: status)
    }

    static func resetPage(_ context: AppRequestContext, token: String, error: String? = nil) -> TokenFormPage {
        TokenFormPage(
            context: context, title: "Choose a new password", action: "/pacer/reset-password", token: token,
            explanation: "Choose a new password for your PACER account. Every other sign-in of the account will end.",
            fields: [
                FormField(
                    "newPassword", "New password", type: "password", autocomplete: "new-password",
                    hint: "At least \(PasswordPolicy.minimumLength) characters; not your name, username or e-mail.",
                    error: error)
            ],
            problem: error.map { _ in "The new password was not accepted." }, button: "Change my password")
    }

    static func form(_ request: Request) async throws -> FormData {
        var request = request
        return FormData(String(buffer: try await request.collectBody(upTo: PageSessionMiddleware.maximumFormBytes)))
    }

    static func registrationForm(_ form: FormData) -> RegistrationForm {
        RegistrationForm(
            username: form.text("username"), password: form.text("password"), firstName: form.text("firstName"),
            lastName: form.text("lastName"), email: form.text("email"), dateOfBirth: form.text("dateOfBirth"),
            street: form.text("street"), city: form.text("city"), state: form.text("state"),
            postalCode: form.text("postalCode"), county: form.text("county"), userType: form.text("userType"),
            affirmsIndividual: form.checked("affirmsIndividual"))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// To the PACER sign-in, then back to `back` (a path with its query, encoded whole).
    static func signIn(thenBackTo back: String) -> Response {
        redirect("/pacer/login?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }
}
