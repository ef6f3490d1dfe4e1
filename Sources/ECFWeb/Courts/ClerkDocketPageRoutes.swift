import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The clerk's quality control of a docket in the browser: each change is one small form that
/// posts back and returns to the docket, audited like the API's.
struct ClerkDocketPageRoutes {
    let clerkRoutes: CourtClerkPageRoutes

    static func path(_ court: CourtID, _ caseID: CaseID) -> String {
        "/ecf/\(court.rawValue)/clerk/cases/\(caseID.rawValue)"
    }

    func register(on router: Router<AppRequestContext>) {
        let base = "/ecf/{court}/clerk/cases/{caseId}"
        router.get("\(base)") { request, context in
            try await page(
                request, context, notice: request.uri.queryParameters.get("notice") == "saved" ? "Saved." : nil)
        }
        router.post("\(base)/entries/{seq}/text") { request, context in
            let form = try await CourtPageRoutes.form(request)
            return try await change(request, context, .text(form.text("docketText")), seq: try Self.seq(context))
        }
        router.post("\(base)/entries/{seq}/strike") { request, context in
            try await change(request, context, .strike, seq: try Self.seq(context))
        }
        router.post("\(base)/entries/{seq}/restriction") { request, context in
            let level = try Self.restriction(try await CourtPageRoutes.form(request))
            return try await change(request, context, .restriction(level), seq: try Self.seq(context))
        }
        router.post("\(base)/documents/{docId}/restriction") { request, context in
            let level = try Self.restriction(try await CourtPageRoutes.form(request))
            guard let document = DocumentID(try context.parameters.require("docId")) else {
                throw CourtError(.notFound, "There is no such document in this case.")
            }
            return try await change(request, context, .documentRestriction(document, level), seq: nil)
        }
        router.post("\(base)/restriction") { request, context in
            let level = try Self.restriction(try await CourtPageRoutes.form(request))
            return try await change(request, context, .restriction(level), seq: nil)
        }
    }

    static func seq(_ context: AppRequestContext) throws -> Int {
        guard let seq = Int(try context.parameters.require("seq")) else {
            throw CourtError(.notFound, "There is no such entry.")
        }
        return seq
    }

    static func restriction(_ form: FormData) throws -> Restriction {
        guard let level = Restriction(rawValue: form.text("restriction")) else {
            throw CourtError(.invalid, "Choose a restriction level.")
        }
        return level
    }

    func page(
        _ request: Request, _ context: AppRequestContext, notice: String? = nil, problem: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (court, _) = try await clerkRoutes.clerk(request, context)
        let caseID = try context.caseID(in: court)
        let view = try await ReadCase(clerkRoutes.courts.context)(
            caseID, in: court, identity: try await clerkRoutes.courts.pageIdentity(request, context, in: court))
        let records = try await clerkRoutes.courts.context.stores.docket(court.id).serviceRecords(of: caseID)
        return try clerkRoutes.pages.render(
            ClerkCasePage(
                context: context, court: court, view: view, records: records, notice: notice, problem: problem),
            status: status)
    }

    func change(_ request: Request, _ context: AppRequestContext, _ change: ClerkQualityControl.Change, seq: Int?)
        async throws -> Response
    {
        let (court, clerk) = try await clerkRoutes.clerk(request, context)
        let caseID = try context.caseID(in: court)
        do {
            try await ClerkQualityControl(clerkRoutes.courts.context).change(
                caseID, seq: seq, change, in: court, by: clerk)
        } catch let error as CourtError where error.code == .invalid {
            return try await page(
                request, context, problem: CourtClerkPageRoutes.words(error), status: .unprocessableContent)
        }
        return CourtPageRoutes.redirect(Self.path(court.id, caseID) + "?notice=saved#entry-\(seq ?? 0)")
    }
}
