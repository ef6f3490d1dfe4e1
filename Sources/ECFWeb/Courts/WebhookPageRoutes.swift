import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// `/ecf/{court}/webhooks`: docket webhooks in the browser, for the signed-in PACER account.
struct WebhookPageRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/webhooks") { request, context in
            try await page(request, context)
        }
        router.post("/ecf/{court}/webhooks") { request, context in
            let court = try await courts.court(context)
            let form = try await CourtPageRoutes.form(request)
            let identity = try await courts.pageIdentity(request, context, in: court)
            var caseID: CaseID?
            let typed = form.text("number").trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty {
                if let number = CaseNumber(typed) {
                    caseID = try await courts.context.stores.docket(court.id).courtCase(number: number)?.id
                }
                guard caseID != nil else {
                    return try await page(
                        request, context, form: form,
                        problems: ["number": "No case of this court has this number. Enter it as 1:26-cv-00001."],
                        status: .unprocessableContent)
                }
            }
            do {
                let made = try await courts.webhooks.make(
                    url: form.text("url"), caseID: caseID, in: court, identity: identity)
                return try await page(request, context, made: made)
            } catch let error as CourtError where error.code == .invalid || error.code == .notFound {
                var problems = error.fields
                if problems.isEmpty { problems[error.code == .notFound ? "number" : "url"] = error.message }
                return try await page(request, context, form: form, problems: problems, status: .unprocessableContent)
            }
        }
        for action in ["enable", "delete"] {
            router.post("/ecf/{court}/webhooks/{id}/\(action)") { request, context in
                let court = try await courts.court(context)
                let identity = try await courts.pageIdentity(request, context, in: court)
                let id = try WebhookRoutes.id(context, court)
                if action == "enable" {
                    _ = try await courts.webhooks.enable(id, in: court, identity: identity)
                } else {
                    try await courts.webhooks.delete(id, in: court, identity: identity)
                }
                return try await page(
                    request, context,
                    notice: action == "enable"
                        ? "The webhook is on again." : "The webhook is deleted: nothing more is sent to it.")
            }
        }
    }

    func page(
        _ request: Request, _ context: AppRequestContext, made: CourtWebhooks.Made? = nil, notice: String? = nil,
        form: FormData = FormData(""), problems: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let court = try await courts.court(context)
        guard context.signedIn != nil else {
            return AccountPageRoutes.signIn(thenBackTo: "/ecf/\(court.id.rawValue)/webhooks")
        }
        let webhooks = try await courts.webhooks.list(
            in: court, identity: try await courts.pageIdentity(request, context, in: court))
        var numbers: [CaseID: String] = [:]
        let docket = try await courts.context.stores.docket(court.id)
        for caseID in Set(webhooks.compactMap(\.caseID)) {
            numbers[caseID] = try await docket.courtCase(caseID)?.number.description
        }
        return try pages.render(
            WebhooksPage(
                context: context, court: court, webhooks: webhooks, numbers: numbers, made: made, notice: notice,
                form: form, problems: problems),
            status: status)
    }
}
