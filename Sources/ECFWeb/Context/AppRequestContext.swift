import ECFServices
import Hummingbird
import NIOCore

/// The context every request carries through the router.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address (without the port), for per-client limits.
    public let clientAddress: String
    /// The CSRF token of this browser, put in every form (set by `PageSessionMiddleware`).
    public var csrfToken: String = ""
    /// Who is signed in through the Central Sign-On cookie, if anyone.
    public var signedIn: CSOClaims?
    /// The court a `/ecf/{court}/…` or court API request is for, opened once by
    /// `CourtAvailabilityMiddleware` (with its plan and phase) for the route to use.
    public var openCourt: OpenCourt?
    /// The page request's cookies, read once by `PageSessionMiddleware`: a docket report looks
    /// three of them up (BENCHMARKS.md P1). Nil where the middleware does not run (the API).
    public var cookies: RequestCookies?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

extension AppRequestContext {
    /// A cookie's value: from the cookies read once for a page, else from the request.
    func cookie(_ name: String, of request: Request) -> String? {
        (cookies ?? RequestCookies(request))[name]
    }
}
