import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The clerk's office pages: readiness dashboard with reminders, the e-file registration queue,
/// the cutover plan, adding and importing court accounts.
struct CourtClerkPageRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    static let notices = [
        "reminded": "The link reminder was queued for every user who has not linked.",
        "planned": "The plan is saved and every user is being notified.",
        "created": "The account is created; its owner receives a one-time password by e-mail.",
        "approved": "The registration is approved and the person is told by e-mail.",
        "rejected": "The registration is rejected and the person is told why by e-mail.",
        "unlinked": "The link is removed; the person is told by e-mail and can link again.",
        "disabled": "The account is disabled: it can no longer sign in, link or file.",
        "enabled": "The account is enabled again.",
        "settings": "The document settings are saved; they apply to the next filing.",
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/clerk") { request, context in
            let (court, _) = try await clerk(request, context)
            return try await dashboard(
                context, court, notice: request.uri.queryParameters.get("notice").flatMap { Self.notices[$0] })
        }
        router.post("/ecf/{court}/clerk/remind") { request, context in
            let (court, clerk) = try await clerk(request, context)
            _ = try await courts.readiness.remindUnlinked(in: court, by: .clerk(clerk))
            return done(court, "reminded")
        }
        router.post("/ecf/{court}/clerk/plan") { request, context in
            let (court, clerk) = try await clerk(request, context)
            let form = try await CourtPageRoutes.form(request)
            let windows =
                form.text("blackoutFrom").isEmpty && form.text("blackoutTo").isEmpty
                ? [] : [(from: form.text("blackoutFrom"), to: form.text("blackoutTo"))]
            do {
                _ = try await courts.planCutover(
                    court: court.id.rawValue, .init(nextGenAt: form.text("nextGenAt"), blackouts: windows),
                    by: .clerk(clerk))
                return done(court, "planned")
            } catch let error as CourtError where error.code == .invalid || error.code == .cutoverDone {
                return try await dashboard(
                    context, court, problem: Self.words(error),
                    status: error.code == .invalid ? .unprocessableContent : .conflict)
            }
        }
        router.post("/ecf/{court}/clerk/accounts") { request, context in
            let (court, clerk) = try await clerk(request, context)
            let form = try await CourtPageRoutes.form(request)
            let typed = CourtAccountForm(
                login: form.text("login"), role: form.text("role"), firstName: form.text("firstName"),
                lastName: form.text("lastName"), email: form.text("email"),
                secondaryEmails: form.text("secondaryEmails"), barNumber: form.text("barNumber"),
                barState: form.text("barState"))
            do {
                _ = try await courts.createAccount(
                    court: court.id.rawValue, form: typed, password: .oneTime, by: .clerk(clerk))
                return done(court, "created")
            } catch let error as CourtError where error.code == .invalid || error.code == .loginTaken {
                return try await dashboard(
                    context, court, problem: Self.words(error),
                    status: ErrorPageMiddleware.status(of: error.code))
            }
        }
        router.post("/ecf/{court}/clerk/import") { request, context in
            let (court, clerk) = try await clerk(request, context)
            let report = try await courts.importAccounts(
                court: court.id.rawValue, csv: try await CourtPageRoutes.form(request).text("csv"), by: .clerk(clerk))
            let rejected = report.rejected.map { "line \($0.line): \($0.problem)" }
            let notice = "Imported \(report.imported.count) account(s)."
            return try await dashboard(
                context, court, notice: notice,
                problem: rejected.isEmpty ? nil : "Not imported — " + rejected.joined(separator: "; "))
        }
        router.post("/ecf/{court}/clerk/accounts/{id}/unlink") { request, context in
            let (court, clerk) = try await clerk(request, context)
            let id = try context.courtAccountID("id")
            do {
                _ = try await courts.unlink(
                    court: court.id.rawValue, account: id,
                    reason: try await CourtPageRoutes.form(request).text("reason"),
                    by: .clerk(clerk))
                return done(court, "unlinked")
            } catch let error as CourtError where error.code == .invalid {
                return try await dashboard(context, court, problem: error.message, status: .unprocessableContent)
            }
        }
        for (action, status) in [("disable", CourtAccount.Status.disabled), ("enable", .active)] {
            router.post("/ecf/{court}/clerk/accounts/{id}/\(action)") { request, context in
                let (court, clerk) = try await clerk(request, context)
                let id = try context.courtAccountID("id")
                do {
                    _ = try await courts.changeStatus(
                        court: court.id.rawValue, account: id, to: status, by: .clerk(clerk))
                    return done(court, action + "d")
                } catch let error as CourtError where error.code == .invalid {
                    return try await dashboard(context, court, problem: error.message, status: .unprocessableContent)
                }
            }
        }
        router.post("/ecf/{court}/clerk/settings") { request, context in
            let (court, clerk) = try await clerk(request, context)
            let form = try await CourtPageRoutes.form(request)
            do {
                _ = try await ChangeCourtSettings(courts.context)(
                    court: court.id.rawValue, maxFileMegabytes: form.text("maxFileMegabytes"),
                    scannedPDFs: form.text("scannedPDFs"), summaryTime: form.text("summaryTime"), by: .clerk(clerk))
                return done(court, "settings")
            } catch let error as CourtError where error.code == .invalid {
                return try await dashboard(context, court, problem: Self.words(error), status: .unprocessableContent)
            }
        }
        router.get("/ecf/{court}/clerk/case") { request, context in
            let (court, _) = try await clerk(request, context)
            let typed = request.uri.queryParameters.get("number") ?? ""
            let docket = try await courts.context.stores.docket(court.id)
            if let number = CaseNumber(typed.trimmingCharacters(in: .whitespaces)),
                let found = try await docket.courtCase(number: number)
            {
                return CourtPageRoutes.redirect(ClerkDocketPageRoutes.path(court.id, found.id))
            }
            return try await dashboard(
                context, court, problem: "No case of this court has the number “\(typed.prefix(40))”.",
                status: .notFound)
        }
        ClerkDocketPageRoutes(clerkRoutes: self).register(on: router)
        router.post("/ecf/{court}/clerk/registrations/{id}/approve") { request, context in
            let (court, clerk) = try await clerk(request, context)
            _ = try await courts.registrations.approve(try context.registrationID(), in: court, by: .clerk(clerk))
            return done(court, "approved")
        }
        router.post("/ecf/{court}/clerk/registrations/{id}/reject") { request, context in
            let (court, clerk) = try await clerk(request, context)
            let reason = try await CourtPageRoutes.form(request).text("reason")
            do {
                _ = try await courts.registrations.reject(
                    try context.registrationID(), in: court, reason: reason, by: .clerk(clerk))
                return done(court, "rejected")
            } catch let error as CourtError where error.code == .invalid {
                return try await dashboard(context, court, problem: error.message, status: .unprocessableContent)
            }
        }
    }

    func clerk(_ request: Request, _ context: AppRequestContext) async throws -> (OpenCourt, CourtAccount) {
        let court = try await courts.court(context)
        return (
            court,
            try courts.access.clerk(in: court, identity: try await courts.pageIdentity(request, context, in: court))
        )
    }

    func dashboard(
        _ context: AppRequestContext, _ court: OpenCourt, notice: String? = nil, problem: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try pages.render(
            ClerkDashboardPage(
                context: context, court: court, summary: try await courts.readiness.summary(in: court),
                queue: try await courts.registrations.queue(in: court), audit: try await court.store.audit(limit: 20),
                settings: try await court.store.settings(), notice: notice, problem: problem),
            status: status)
    }

    func done(_ court: OpenCourt, _ notice: String) -> Response {
        CourtPageRoutes.redirect(CourtPaths.clerk(court.id) + "?notice=\(notice)")
    }

    static func words(_ error: CourtError) -> String {
        let details = error.fields.sorted { $0.key < $1.key }.map(\.value)
        return details.isEmpty ? error.message : details.joined(separator: " ")
    }
}
