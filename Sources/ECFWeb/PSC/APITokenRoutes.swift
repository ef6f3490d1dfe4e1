import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// Personal API tokens: `…/api/v1/pacer/account/tokens` for programs, `/pacer/account/tokens`
/// in Manage My Account. Only a signed-in person makes or lists tokens; a token may revoke itself.
struct APITokenRoutes {
    let accounts: AccountsWeb
    let pages: PageRenderer

    static let expiryChoices: [(value: String, label: String, days: Int?)] = [
        ("30", "30 days", 30), ("90", "90 days", 90), ("365", "One year", 365), ("never", "Never", nil),
    ]

    func register(on router: Router<AppRequestContext>) {
        let api = AccountAPIRoutes(accounts: accounts)
        router.post("/api/v1/pacer/account/tokens") { request, context in
            let claims = try await api.signedInClaims(request, "make API tokens")
            let body = try await request.decode(as: APITokenRequest.self, context: context)
            let made = try await accounts.apiTokens.make(
                for: claims, name: body.name ?? "", scopes: body.scopes ?? ["read"], expiresAt: try body.expiry())
            return try JSONResponse.make(
                APITokenDTO(made.token, now: accounts.apiTokens.now, secret: made.secret), status: .created)
        }
        router.get("/api/v1/pacer/account/tokens") { request, _ in
            let claims = try await api.signedInClaims(request, "list API tokens")
            let now = accounts.apiTokens.now
            return try JSONResponse.make(
                APITokenListDTO(
                    tokens: try await accounts.apiTokens.list(for: claims).map { APITokenDTO($0, now: now) }))
        }
        router.delete("/api/v1/pacer/account/tokens/{id}") { request, context in
            let claims = try await api.bearerClaims(request)
            _ = try await accounts.apiTokens.revoke(try Self.tokenID(context), for: claims)
            return Response(status: .noContent)
        }
        router.get("/pacer/account/tokens") { _, context in
            try await page(context)
        }
        router.post("/pacer/account/tokens") { request, context in
            guard let claims = context.signedIn else { return AccountPageRoutes.redirect("/pacer/login") }
            let form = try await AccountPageRoutes.form(request)
            let days = Self.expiryChoices.first { $0.value == form.text("expires") }?.days
            let scopes = ["read"] + APIScopes.names.filter { $0 != "read" && form.checked("scope-\($0)") }
            do {
                let made = try await accounts.apiTokens.make(
                    for: claims, name: form.text("name"), scopes: scopes,
                    expiresAt: days.map { accounts.apiTokens.now.addingTimeInterval(Double($0) * 86_400) })
                return try await page(context, made: made)
            } catch let error as AccountError where error.code == .invalid || error.code == .twoStepNeeded {
                var problems = error.fields
                if problems.isEmpty { problems["name"] = error.message }
                return try await page(context, form: form, problems: problems, status: .unprocessableContent)
            }
        }
        router.post("/pacer/account/tokens/{id}/revoke") { _, context in
            guard let claims = context.signedIn else { return AccountPageRoutes.redirect("/pacer/login") }
            let revoked = try await accounts.apiTokens.revoke(try Self.tokenID(context), for: claims)
            return try await page(
                context, notice: "The token “\(revoked.name)” is revoked: it no longer works anywhere.")
        }
    }

    static func tokenID(_ context: AppRequestContext) throws -> UUID {
        try context.uuid(unknown: AccountError(.notFound, "You have no API token with this id."))
    }

    func page(
        _ context: AppRequestContext, made: APITokens.Made? = nil, notice: String? = nil, form: FormData = FormData(""),
        problems: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let claims = context.signedIn else {
            return AccountPageRoutes.signIn(thenBackTo: "/pacer/account/tokens")
        }
        return try pages.render(
            APITokensPage(
                context: context, tokens: try await accounts.apiTokens.list(for: claims), now: accounts.apiTokens.now,
                mfaEnabled: try await accounts.mfaEnabled(claims.accountID), made: made, notice: notice, form: form,
                problems: problems),
            status: status)
    }
}
