import Hummingbird

/// Answers 405 with `Allow` (RFC 9110 §15.5.6) when an address exists but not for the request's
/// method, instead of the router's 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Each route's path split into parts (`{name}` matches any one part), with its methods.
    let routes: [(parts: [Substring], methods: Set<String>)]

    init(routes: [(path: String, method: String)]) {
        var byPath: [String: Set<String>] = [:]
        for route in routes { byPath[route.path, default: []].insert(route.method) }
        self.routes = byPath.map { (parts: $0.key.split(separator: "/"), methods: $0.value) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let parts = request.uri.path.split(separator: "/")
            let allowed = routes.filter { Self.matches($0.parts, parts) }.reduce(into: Set<String>()) {
                $0.formUnion($1.methods)
            }
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.sorted().joined(separator: ", ")])
        }
    }

    static func matches(_ pattern: [Substring], _ parts: [Substring]) -> Bool {
        pattern.count == parts.count
            && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") || $0 == $1 }
    }
}
