import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The national PACER Case Locator: the same searches as a court's Query, across every court, at
/// `/pacer/locator` (a GET form) and `GET /api/v1/pacer/locator`. A search is billed to the
/// signed-in PACER account (`ChargeLocatorSearch`).
struct LocatorRoutes {
    let accounts: AccountsWeb
    let access: PublicAccessWeb
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get("/pacer/locator") { request, context in
            let answers = Self.answers(request)
            guard answers.values.contains(where: { !$0.isEmpty }) else {
                return try pages.render(screen(context, answers: answers, result: nil))
            }
            switch CaseSearch.read({ answers[$0] }) {
            case .failure(let problems):
                return try pages.render(
                    screen(context, answers: answers, result: .failure(problems)), status: .unprocessableContent)
            case .success(let search):
                guard let claims = context.signedIn else {
                    return AccountPageRoutes.signIn(
                        thenBackTo: "/pacer/locator?" + CaseSearchScreen.queryString(answers))
                }
                let page = try await access.locator.search(search)
                var found = screen(context, answers: answers, result: .success(page))
                let receipt = try await ChargeLocatorSearch(ledger: access.ledger, clock: access.clock)(
                    resultBytes: try pages.html(found).utf8.count, found: !page.hits.isEmpty,
                    account: claims.accountID, username: claims.username,
                    criteria: CaseSearchRoutes.criteria(answers), clientCode: ClientCodeInput.read(request, context))
                found.receipt = ReceiptView(receipt)
                return pages.response(try pages.html(found))
            }
        }
        router.get("/api/v1/pacer/locator") { request, context in
            let answers = Self.answers(request)
            switch CaseSearch.read({ answers[$0] }) {
            case .failure(let problems):
                return try APIError(
                    status: .unprocessableContent, message: "Some search terms need another look.",
                    fields: problems.byField
                ).response()
            case .success(let search):
                let claims = try await AccountAPIRoutes(accounts: accounts).bearerClaims(request)
                let page = try await access.locator.search(search)
                let measured = CaseSearchDTO(page).json
                let receipt = try await ChargeLocatorSearch(ledger: access.ledger, clock: access.clock)(
                    resultBytes: measured.count, found: !page.hits.isEmpty,
                    account: claims.accountID, username: claims.username,
                    criteria: CaseSearchRoutes.criteria(answers), clientCode: ClientCodeInput.read(request, context))
                return JSONResponse.response(try JSONResponse.inserting("receipt", ReceiptDTO(receipt), into: measured))
            }
        }
    }

    func screen(
        _ context: AppRequestContext, answers: [String: String], result: Result<CaseSearchPage, FieldProblems>?
    ) -> CaseSearchScreen {
        CaseSearchScreen(
            context: context, title: "Find a case in any court",
            intro:
                "The PACER Case Locator searches every court on this server. It learns of a new case within seconds of its filing.",
            action: "/pacer/locator", national: true, answers: answers, result: result)
    }

    /// The search's query parameters as typed.
    static func answers(
        _ request: Request,
        names: [String] = [
            "number", "party", "court", "natureOfSuit", "filedFrom", "filedTo", "status", "cursor", "limit",
        ]
    ) -> [String: String] {
        var answers: [String: String] = [:]
        for name in names {
            if let value = request.uri.queryParameters.get(name) { answers[name] = value }
        }
        return answers
    }
}
