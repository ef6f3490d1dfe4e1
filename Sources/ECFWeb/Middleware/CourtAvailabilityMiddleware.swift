import ECFServices
import Hummingbird

/// While a court is inside a blackout window, every court page and court API answers 503 with
/// `Retry-After` and when the court is back; the PSC and the other courts keep working.
///
/// Source: the phase table in DESIGN.md (blackout: court pages 503, PSC still up).
public struct CourtAvailabilityMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let courts: CourtContext

    public init(courts: CourtContext) {
        self.courts = courts
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let id = Self.courtID(in: request.uri.path), let court = try? await courts.court(id) {
            try court.requireAvailable()
            context.openCourt = court
        }
        return try await next(request, context)
    }

    /// `cacd` in `/ecf/cacd/…` and `/api/v1/courts/cacd/…`.
    static func courtID(in path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.count >= 2, parts[0] == "ecf" { return String(parts[1]) }
        if parts.count >= 4, parts[0] == "api", parts[1] == "v1", parts[2] == "courts" { return String(parts[3]) }
        return nil
    }
}
