import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// For pages (not `/api/`): the CSRF token and the Central Sign-On cookie.
///
/// - Every browser gets a random CSRF token in an `HttpOnly`, `SameSite=Strict` cookie; every
///   form carries it in a hidden field (an upload form in its action URL), and a POST whose token
///   does not match is refused (403).
/// - The signed-in person comes from the `openecf_cso` cookie (a CSO token); a token near its end
///   is renewed while its session lasts, so an active person stays signed in.
public struct PageSessionMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    static let csrfCookie = "openecf_csrf"
    static let csoCookie = "openecf_cso"
    static let csrfField = "csrfToken"
    static let maximumFormBytes = 64 * 1024

    let cso: any CentralSignOn
    let accounts: any AccountStore
    let secrets: any SecretGenerator
    let clock: any Clock
    let secureCookies: Bool

    public init(
        cso: any CentralSignOn, accounts: any AccountStore, secrets: any SecretGenerator, clock: any Clock,
        secureCookies: Bool
    ) {
        self.cso = cso
        self.accounts = accounts
        self.secrets = secrets
        self.clock = clock
        self.secureCookies = secureCookies
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if ["/api/", "/assets/", "/pacer/.well-known/"].contains(where: path.hasPrefix)
            || ["/healthz", "/readyz", "/metrics"].contains(path)
        {
            return try await next(request, context)
        }
        var request = request
        var context = context
        // Read once here, kept for the route.
        let cookies = RequestCookies(request)
        context.cookies = cookies
        let existing = cookies[Self.csrfCookie]
        let csrf = existing.flatMap { $0.count >= 32 ? $0 : nil } ?? secrets.token()
        context.csrfToken = csrf
        if request.method == .post {
            // An upload form streams its body to disk in the route, so its token comes in the
            // form's action URL instead of its body.
            let sent: String?
            if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
                sent = request.uri.queryParameters.get(Self.csrfField)
            } else {
                let body = try await request.collectBody(upTo: Self.maximumFormBytes)
                sent = FormData(String(buffer: body))[Self.csrfField]
            }
            guard existing == csrf, let sent, Self.constantTimeEqual(sent, csrf) else {
                throw HTTPError(
                    .forbidden,
                    message:
                        "This form could not be accepted because it is out of date or was sent from another site. Go back, reload the page and try again."
                )
            }
        }
        var renewed: (token: String, expiresAt: Date)?
        var clearSignIn = false
        if let token = cookies[Self.csoCookie] {
            do {
                let claims = try await cso.verify(token)
                context.signedIn = claims
                if claims.expiresAt.timeIntervalSince(clock.now) < cso.tokenLifetime * 2 / 3,
                    let account = try await accounts.account(claims.accountID),
                    let session = try await accounts.session(claims.sessionID)
                {
                    renewed = try await cso.issue(for: account, session: session)
                }
            } catch {
                clearSignIn = true
            }
        }
        var response = try await next(request, context)
        if existing != csrf {
            response.setCookie(
                Cookie(
                    name: Self.csrfCookie, value: csrf, path: "/", secure: secureCookies, httpOnly: true,
                    sameSite: .strict))
        }
        if let renewed, response.headers[values: .setCookie].allSatisfy({ !$0.hasPrefix(Self.csoCookie + "=") }) {
            response.setCookie(signInCookie(renewed.token))
        } else if clearSignIn {
            response.setCookie(signOutCookie())
        }
        return response
    }

    func signInCookie(_ token: String) -> Cookie {
        Cookie(
            name: Self.csoCookie, value: token, maxAge: Int(SignInSession.maximumLifetime), path: "/",
            secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    func signOutCookie() -> Cookie {
        Cookie(
            name: Self.csoCookie, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax
        )
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
