import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// Docket webhooks under `/api/v1/courts/{court}/webhooks`, for a signed-in PACER account or a
/// personal API token of any scope.
struct WebhookRoutes {
    let courts: CourtsWeb

    func register(on router: Router<AppRequestContext>) {
        let base = "/api/v1/courts/{court}/webhooks"
        router.post(RouterPath(base)) { request, context in
            let court = try await courts.court(context)
            let body = try await request.decode(as: WebhookRequest.self, context: context)
            var caseID: CaseID?
            if let text = body.caseId {
                guard let number = Int64(text) else {
                    throw CourtError(
                        .invalid, "caseId is the case's number in this court, like \"1\".",
                        fields: ["caseId": "Give the case's id as digits."])
                }
                caseID = CaseID(number)
            }
            let made = try await courts.webhooks.make(
                url: body.url ?? "", caseID: caseID, in: court,
                identity: try await courts.apiIdentity(request, in: court))
            return try JSONResponse.make(WebhookDTO(made.webhook, secret: made.secret), status: .created)
        }
        router.get(RouterPath(base)) { request, context in
            let court = try await courts.court(context)
            let webhooks = try await courts.webhooks.list(
                in: court, identity: try await courts.apiIdentity(request, in: court))
            return try JSONResponse.make(WebhookListDTO(webhooks: webhooks.map { WebhookDTO($0) }))
        }
        router.get(RouterPath("\(base)/{id}")) { request, context in
            let court = try await courts.court(context)
            return try JSONResponse.make(
                WebhookDTO(
                    try await courts.webhooks.webhook(
                        try Self.id(context, court), in: court,
                        identity: try await courts.apiIdentity(request, in: court))))
        }
        router.delete(RouterPath("\(base)/{id}")) { request, context in
            let court = try await courts.court(context)
            try await courts.webhooks.delete(
                try Self.id(context, court), in: court, identity: try await courts.apiIdentity(request, in: court))
            return Response(status: .noContent)
        }
        router.post(RouterPath("\(base)/{id}/enable")) { request, context in
            let court = try await courts.court(context)
            return try JSONResponse.make(
                WebhookDTO(
                    try await courts.webhooks.enable(
                        try Self.id(context, court), in: court,
                        identity: try await courts.apiIdentity(request, in: court))))
        }
    }

    static func id(_ context: AppRequestContext, _ court: OpenCourt) throws -> WebhookID {
        WebhookID(
            try context.uuid(unknown: CourtError(.notFound, "You have no webhook with this id in \(court.court.name)."))
        )
    }
}
