import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// A court's pages under `/ecf/{court}/`: the court's home with its plan, the legacy sign-in and
/// its password help, linking, readiness, the e-filing gate. Every form carries its CSRF token.
struct CourtPageRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer
    let secureCookies: Bool

    static let notices = [
        "signedIn": "You are signed in with your CM/ECF login.",
        "signedOut": "You are signed out of this court.",
        "reset": "Your CM/ECF password is changed. Sign in with it.",
        "passwordChanged": "Your CM/ECF password is changed.",
        "linked": "Your CM/ECF login is linked to your PACER account. From now on, sign in with PACER to file here.",
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/") { request, context in
            let court = try await courts.court(context)
            var identity = try await courts.pageIdentity(request, context, in: court)
            // After the cutover a court-login session is only a leftover cookie.
            if court.phase != .legacy, case .legacyLogin = identity { identity = .nobody }
            // C.D. Cal.: the first PACER visit to a NextGen court by someone who has not linked leads
            // straight to the linking page.
            let offered = "openecf_link_offered_\(court.id.rawValue)"
            if court.phase == .nextGen, case .pacer(_, nil) = identity, context.cookie(offered, of: request) == nil {
                var response = Self.redirect(CourtPaths.link(court.id))
                response.setCookie(
                    Cookie(
                        name: offered, value: "1", maxAge: 365 * 86400, path: CourtPaths.home(court.id),
                        secure: secureCookies, httpOnly: true, sameSite: .lax))
                return response
            }
            return try pages.render(
                CourtHomePage(context: context, court: court, identity: identity, notice: notice(request)))
        }
        router.get("/ecf/{court}/login") { request, context in
            let court = try await courts.court(context)
            return try pages.render(signInPage(context, court, notice: notice(request)))
        }
        router.post("/ecf/{court}/login") { request, context in
            let court = try await courts.court(context)
            let form = try await Self.form(request)
            do {
                let signedIn = try await courts.legacySignIn(
                    court: court.id.rawValue, login: form.text("login"), password: form.text("password"),
                    client: context.clientAddress)
                var response = Self.redirect(
                    signedIn.account.mustChangePassword
                        ? "/ecf/\(court.id.rawValue)/change-password" : CourtPaths.home(court.id) + "?notice=signedIn")
                response.setCookie(sessionCookie(court.id, value: signedIn.token, maxAge: Int(CourtSession.lifetime)))
                return response
            } catch let error as CourtError where error.code != .courtUnavailable && error.code != .courtNotFound {
                return try pages.render(
                    signInPage(context, court, form: form, problem: error.message),
                    status: ErrorPageMiddleware.status(of: error.code))
            }
        }
        router.post("/ecf/{court}/logout") { request, context in
            let court = try await courts.court(context)
            if let token = context.cookie(CourtCredentials.cookieName(court.id), of: request) {
                try await courts.sessions.signOut(token, in: court)
            }
            var response = Self.redirect(CourtPaths.home(court.id) + "?notice=signedOut")
            response.setCookie(sessionCookie(court.id, value: "", maxAge: 0))
            return response
        }
        router.get("/ecf/{court}/change-password") { _, context in
            let court = try await courts.court(context)
            return try pages.render(changePasswordPage(context, court))
        }
        router.post("/ecf/{court}/change-password") { request, context in
            let court = try await courts.court(context)
            let form = try await Self.form(request)
            guard let token = context.cookie(CourtCredentials.cookieName(court.id), of: request),
                let account = try await courts.sessions.account(of: token, in: court)
            else { return Self.redirect(CourtPaths.signIn(court.id)) }
            do {
                _ = try await courts.sessions.changePassword(
                    account, in: court, current: form.text("currentPassword"), new: form.text("newPassword"))
                return Self.redirect(CourtPaths.home(court.id) + "?notice=passwordChanged")
            } catch let error as CourtError where error.code == .invalid || error.code == .invalidCredentials {
                return try pages.render(
                    changePasswordPage(context, court, problems: error.fields), status: .unprocessableContent)
            }
        }
        router.get("/ecf/{court}/forgot-password") { _, context in
            let court = try await courts.court(context)
            return try pages.render(forgotPasswordPage(context, court))
        }
        router.post("/ecf/{court}/forgot-password") { request, context in
            let court = try await courts.court(context)
            try await courts.requestReset(
                court: court.id.rawValue, loginOrEmail: try await Self.form(request).text("loginOrEmail"))
            return try pages.render(
                MessagePage(
                    context: context, title: "Check your e-mail", paragraphs: [CourtAPIRoutes.resetAnswer],
                    link: .init(href: CourtPaths.signIn(court.id), label: "Back to the CM/ECF sign-in")))
        }
        router.get("/ecf/{court}/reset-password") { request, context in
            let court = try await courts.court(context)
            return try pages.render(resetPage(context, court, token: request.uri.queryParameters.get("token") ?? ""))
        }
        router.post("/ecf/{court}/reset-password") { request, context in
            let court = try await courts.court(context)
            let form = try await Self.form(request)
            do {
                _ = try await courts.confirmReset(
                    court: court.id.rawValue, token: form.text("token"), newPassword: form.text("newPassword"))
                return Self.redirect(CourtPaths.signIn(court.id) + "?notice=reset")
            } catch let error as CourtError where error.code == .invalid {
                return try pages.render(
                    resetPage(context, court, token: form.text("token"), problems: error.fields),
                    status: .unprocessableContent)
            }
        }
        router.get("/ecf/{court}/forgot-login") { _, context in
            let court = try await courts.court(context)
            return try pages.render(forgotLoginPage(context, court))
        }
        router.post("/ecf/{court}/forgot-login") { request, context in
            let court = try await courts.court(context)
            try await courts.loginReminder(court: court.id.rawValue, email: try await Self.form(request).text("email"))
            return try pages.render(
                MessagePage(
                    context: context, title: "Check your e-mail", paragraphs: [CourtAPIRoutes.reminderAnswer],
                    link: .init(href: CourtPaths.home(court.id), label: "Back to the court")))
        }
        router.get("/ecf/{court}/link") { _, context in
            let court = try await courts.court(context)
            return try pages.render(linkPage(context, court))
        }
        router.post("/ecf/{court}/link") { request, context in
            let court = try await courts.court(context)
            let form = try await Self.form(request)
            guard let claims = context.signedIn else {
                return Self.redirect("/pacer/login?next=\(CourtPaths.link(court.id))")
            }
            do {
                _ = try await courts.link(
                    court: court.id.rawValue, signedIn: claims, login: form.text("login"),
                    password: form.text("password"), client: context.clientAddress)
                return Self.redirect(CourtPaths.home(court.id) + "?notice=linked")
            } catch let error as CourtError where error.code != .courtUnavailable && error.code != .courtNotFound {
                return try pages.render(
                    linkPage(context, court, form: form, problem: error.message),
                    status: ErrorPageMiddleware.status(of: error.code))
            }
        }
        router.get("/ecf/{court}/readiness") { _, context in
            let court = try await courts.court(context)
            guard let claims = context.signedIn else {
                return try pages.render(
                    MessagePage(
                        context: context, title: "Ready for NextGen CM/ECF?",
                        paragraphs: court.plan.sentences(in: court.zone, now: court.now) + [
                            "Sign in with your PACER account to see each step you have done and what is left."
                        ],
                        link: .init(
                            href: "/pacer/login?next=\(CourtPaths.readiness(court.id))", label: "Sign in with PACER"),
                        isSuccess: false))
            }
            return try pages.render(
                ReadinessPage(
                    context: context, court: court,
                    readiness: try await courts.readiness.forUser(in: court, signedIn: claims)))
        }
        FilingPageRoutes(courts: courts, pages: pages).register(on: router)
        NoticePageRoutes(courts: courts, pages: pages).register(on: router)
        DocketReportRoutes(courts: courts, pages: pages).register(on: router)
        CaseSearchRoutes(courts: courts, pages: pages).register(on: router)
        CourtClerkPageRoutes(courts: courts, pages: pages).register(on: router)
    }

    func notice(_ request: Request) -> String? {
        request.uri.queryParameters.get("notice").flatMap { Self.notices[$0] }
    }

    func sessionCookie(_ court: CourtID, value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: CourtCredentials.cookieName(court), value: value, maxAge: maxAge, path: CourtPaths.home(court),
            secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    func signInPage(
        _ context: AppRequestContext, _ court: OpenCourt, form: FormData = FormData(""), notice: String? = nil,
        problem: String? = nil
    ) -> CourtFormPage {
        let id = court.id
        let intro =
            court.phase == .nextGen
            ? [
                "\(court.court.name) runs NextGen CM/ECF: court logins no longer sign in. Sign in with your PACER account, then link your CM/ECF login to it, once."
            ]
            : ["Sign in with the CM/ECF login and password this court gave you."]
                + court.plan.sentences(in: court.zone, now: court.now).filter { _ in court.plan.nextGenAt != nil }
        return CourtFormPage(
            context: context, court: court, title: "Sign in to CM/ECF", intro: intro, action: CourtPaths.signIn(id),
            fields: [
                FormField("login", "CM/ECF login", autocomplete: "username", answers: form, problems: [:]),
                FormField(
                    "password", "Password", type: "password", autocomplete: "current-password", answers: form,
                    problems: [:]),
            ], button: "Sign in",
            links: [
                .init(href: CourtPaths.forgotPassword(id), label: "Forgot your CM/ECF password?"),
                .init(href: CourtPaths.forgotLogin(id), label: "Request your CM/ECF account information"),
                .init(href: "/pacer/login?next=\(CourtPaths.home(id))", label: "Sign in with PACER instead"),
            ], notice: notice, problem: problem)
    }

    func changePasswordPage(_ context: AppRequestContext, _ court: OpenCourt, problems: [String: String] = [:])
        -> CourtFormPage
    {
        CourtFormPage(
            context: context, court: court, title: "Choose your CM/ECF password",
            intro: ["Choose a new password for your CM/ECF login: \(PasswordPolicy.rule)"],
            action: "/ecf/\(court.id.rawValue)/change-password",
            fields: [
                FormField(
                    "currentPassword", "Current (or one-time) password", type: "password",
                    autocomplete: "current-password", error: problems["currentPassword"]),
                FormField(
                    "newPassword", "New password", type: "password", autocomplete: "new-password",
                    error: problems["newPassword"]),
            ], button: "Change my password", problems: problems)
    }

    func forgotPasswordPage(_ context: AppRequestContext, _ court: OpenCourt) -> CourtFormPage {
        CourtFormPage(
            context: context, court: court, title: "Forgot your CM/ECF password?",
            intro: [
                "Give your CM/ECF login or its e-mail address. If it matches, we e-mail a link to choose a new password."
            ],
            action: CourtPaths.forgotPassword(court.id),
            fields: [FormField("loginOrEmail", "CM/ECF login or e-mail address", autocomplete: "username")],
            button: "E-mail me a reset link")
    }

    func resetPage(_ context: AppRequestContext, _ court: OpenCourt, token: String, problems: [String: String] = [:])
        -> CourtFormPage
    {
        CourtFormPage(
            context: context, court: court, title: "Choose a new CM/ECF password",
            intro: [PasswordPolicy.rule], action: CourtPaths.resetPassword(court.id),
            fields: [
                FormField(
                    "newPassword", "New password", type: "password", autocomplete: "new-password",
                    error: problems["newPassword"])
            ], button: "Set my new password", problems: problems, hidden: ["token": token])
    }

    func forgotLoginPage(_ context: AppRequestContext, _ court: OpenCourt) -> CourtFormPage {
        CourtFormPage(
            context: context, court: court, title: "Request your CM/ECF account information",
            intro: ["Give the e-mail address of your CM/ECF account. We e-mail the logins registered to it."],
            action: CourtPaths.forgotLogin(court.id),
            fields: [FormField("email", "E-mail address", type: "email", autocomplete: "email")],
            button: "E-mail me my login")
    }

    func linkPage(
        _ context: AppRequestContext, _ court: OpenCourt, form: FormData = FormData(""), problem: String? = nil
    )
        -> CourtFormPage
    {
        let id = court.id
        var intro = [
            "Link your CM/ECF login of \(court.court.name) to your PACER account. You do this once; afterwards you sign in with PACER, and your old CM/ECF password no longer works."
        ]
        if context.signedIn == nil {
            intro.append("Sign in with your PACER account first.")
        }
        if court.phase != .nextGen {
            intro.append(contentsOf: court.plan.sentences(in: court.zone, now: court.now))
        }
        return CourtFormPage(
            context: context, court: court, title: "Link your CM/ECF account", intro: intro,
            action: CourtPaths.link(id),
            fields: [
                FormField("login", "CM/ECF login", autocomplete: "username", answers: form, problems: [:]),
                FormField(
                    "password", "CM/ECF password", type: "password", autocomplete: "current-password", answers: form,
                    problems: [:]),
            ], button: "Link my account",
            links: [
                .init(href: CourtPaths.readiness(id), label: "Check what is left to do"),
                .init(href: CourtPaths.forgotLogin(id), label: "Request your CM/ECF account information"),
                .init(href: "/pacer/login?next=\(CourtPaths.link(id))", label: "Sign in with PACER"),
            ], problem: problem)
    }

    static func form(_ request: Request) async throws -> FormData {
        try await AccountPageRoutes.form(request)
    }

    static func redirect(_ location: String) -> Response {
        AccountPageRoutes.redirect(location)
    }
}
