import ECFServices
import Hummingbird

/// Every `/api/` request that carries a personal API token is admitted here once, whatever the
/// route: a revoked or expired token is refused (401) even where no sign-in is needed, and each
/// token's requests count against its rate limit (429 with `Retry-After`).
struct APITokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: APITokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if request.uri.path.hasPrefix("/api/"), case .apiToken(let secret) = BearerCredential(request) {
            try await tokens.admit(secret)
        }
        return try await next(request, context)
    }
}
