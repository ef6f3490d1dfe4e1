import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// Saved searches with alerts: `…/api/v1/pacer/account/searches` for programs (any token),
/// `/pacer/account/searches` in Manage My Account.
struct SavedSearchRoutes {
    let accounts: AccountsWeb
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let api = AccountAPIRoutes(accounts: accounts)
        router.post("/api/v1/pacer/account/searches") { request, context in
            let claims = try await api.bearerClaims(request)
            let body = try await request.decode(as: SavedSearchRequest.self, context: context)
            let saved = try await accounts.savedSearches.make(
                for: claims, name: body.name ?? "", kind: body.kind ?? "", query: body.query ?? "",
                frequency: body.frequency ?? SavedSearch.Frequency.eachFiling.rawValue)
            return try JSONResponse.make(SavedSearchDTO(saved), status: .created)
        }
        router.get("/api/v1/pacer/account/searches") { request, _ in
            let claims = try await api.bearerClaims(request)
            return try JSONResponse.make(
                SavedSearchListDTO(
                    searches: try await accounts.savedSearches.list(for: claims).map(SavedSearchDTO.init)))
        }
        router.delete("/api/v1/pacer/account/searches/{id}") { request, context in
            let claims = try await api.bearerClaims(request)
            try await accounts.savedSearches.delete(try Self.id(context), for: claims)
            return Response(status: .noContent)
        }
        router.get("/pacer/account/searches") { request, context in
            // `?kind=text&query=…` from a search page fills the form in.
            try await page(context, form: FormData(request.uri.query ?? ""))
        }
        router.post("/pacer/account/searches") { request, context in
            guard let claims = context.signedIn else { return AccountPageRoutes.redirect("/pacer/login") }
            let form = try await AccountPageRoutes.form(request)
            do {
                let saved = try await accounts.savedSearches.make(
                    for: claims, name: form.text("name"), kind: form.text("kind"), query: form.text("query"),
                    frequency: form.text("frequency"))
                return try await page(context, notice: "Saved: “\(saved.name)”. New hits will be e-mailed to you.")
            } catch let error as AccountError where error.code == .invalid {
                var problems = error.fields
                if problems.isEmpty { problems["name"] = error.message }
                return try await page(context, form: form, problems: problems, status: .unprocessableContent)
            }
        }
        router.post("/pacer/account/searches/{id}/delete") { _, context in
            guard let claims = context.signedIn else { return AccountPageRoutes.redirect("/pacer/login") }
            try await accounts.savedSearches.delete(try Self.id(context), for: claims)
            return try await page(context, notice: "The saved search is deleted: its alerts have stopped.")
        }
    }

    static func id(_ context: AppRequestContext) throws -> UUID {
        try context.uuid(unknown: AccountError(.notFound, "You have no saved search with this id."))
    }

    func page(
        _ context: AppRequestContext, notice: String? = nil, form: FormData = FormData(""),
        problems: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let claims = context.signedIn else {
            return AccountPageRoutes.signIn(thenBackTo: "/pacer/account/searches")
        }
        return try pages.render(
            SavedSearchesPage(
                context: context, searches: try await accounts.savedSearches.list(for: claims), notice: notice,
                form: form, problems: problems),
            status: status)
    }
}
