import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// `/ecf/{court}/notices`: a court account chooses how it receives notices; the press follows and
/// stops following cases.
struct NoticePageRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    static let notices = [
        "saved": "Your notice delivery is saved.",
        "followed": "You now receive this case's public notices.",
        "unfollowed": "You no longer receive this case's notices.",
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/notices") { request, context in
            try await page(
                request, context, notice: request.uri.queryParameters.get("notice").flatMap { Self.notices[$0] })
        }
        router.post("/ecf/{court}/notices/delivery") { request, context in
            let court = try await courts.court(context)
            let form = try await CourtPageRoutes.form(request)
            guard let delivery = NoticeDelivery(rawValue: form.text("delivery")) else {
                return try await page(
                    request, context, problem: "Choose how you receive notices.", status: .unprocessableContent)
            }
            _ = try await ElectronicService(courts.context).setDelivery(
                delivery, in: court, identity: try await courts.pageIdentity(request, context, in: court))
            return CourtPageRoutes.redirect("/ecf/\(court.id.rawValue)/notices?notice=saved")
        }
        for (action, subscribed) in [("follow", true), ("unfollow", false)] {
            router.post("/ecf/{court}/notices/\(action)") { request, context in
                let court = try await courts.court(context)
                let form = try await CourtPageRoutes.form(request)
                let docket = try await courts.context.stores.docket(court.id)
                var caseID = Int64(form.text("caseId")).map(CaseID.init)
                if caseID == nil, let number = CaseNumber(form.text("number").trimmingCharacters(in: .whitespaces)) {
                    caseID = try await docket.courtCase(number: number)?.id
                }
                do {
                    guard let caseID else { throw CourtError(.notFound, "No case of this court has this number.") }
                    _ = try await ElectronicService(courts.context).subscribe(
                        subscribed, to: caseID, in: court,
                        identity: try await courts.pageIdentity(request, context, in: court))
                } catch let error as CourtError where error.code == .notFound {
                    return try await page(
                        request, context, problem: "No case of this court has this number. Enter it as 2:26-cv-00001.",
                        status: .notFound)
                }
                return CourtPageRoutes.redirect("/ecf/\(court.id.rawValue)/notices?notice=\(action)ed")
            }
        }
    }

    func page(
        _ request: Request, _ context: AppRequestContext, notice: String? = nil, problem: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let court = try await courts.court(context)
        let account = try ElectronicService(courts.context).account(
            in: court, identity: try await courts.pageIdentity(request, context, in: court))
        let followed = try await courts.context.stores.docket(court.id).subscribedCases(of: account.id)
        return try pages.render(
            NoticeSettingsPage(
                context: context, court: court, account: account, followed: followed, notice: notice, problem: problem),
            status: status)
    }
}
