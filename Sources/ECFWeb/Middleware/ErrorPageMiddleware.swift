import ECFServices
import Foundation
import Hummingbird
import Logging

/// Turns every error into an answer a person or a program can use: a page in words under the
/// site, `{error, message}` JSON under `/api/`. Unexpected errors are logged and shown as a plain
/// 500 that gives nothing away.
public struct ErrorPageMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let pages: PageRenderer

    public init(pages: PageRenderer) {
        self.pages = pages
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AccountError {
            return try respond(error, request: request, context: context)
        } catch let error as CourtError {
            return try respond(error, request: request, context: context)
        } catch let error as CSOTokenRejected {
            return try respond(
                AccountError(
                    .notSignedIn, "Your sign-in has ended or is not valid (\(error.reason.rawValue)). Sign in again."),
                request: request, context: context)
        } catch let error as HTTPError {
            return try respond(
                status: error.status, message: error.body, headers: error.headers, request: request, context: context)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return try respond(
                status: .internalServerError, message: nil, headers: [:], request: request, context: context)
        }
    }

    func respond(_ error: AccountError, request: Request, context: Context) throws -> Response {
        let status = Self.status(of: error.code)
        if request.uri.path.hasPrefix("/api/") {
            var response = try APIError(
                status: status, message: error.message, code: error.code.rawValue, fields: error.fields
            ).response()
            if status == .tooManyRequests { response.headers[.retryAfter] = String(error.retryAfter ?? 30) }
            if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"PACER\"" }
            return response
        }
        return try pages.render(
            ErrorPage(
                title: Self.title(status), message: error.message, statusCode: Int(status.code), nav: NavBar(context)),
            status: status)
    }

    func respond(_ error: CourtError, request: Request, context: Context) throws -> Response {
        let status = Self.status(of: error.code)
        var headers = HTTPFields()
        if let seconds = error.retryAfter {
            headers[.retryAfter] = String(seconds)
        } else if status == .tooManyRequests {
            headers[.retryAfter] = "30"
        }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"CM/ECF\"" }
        var response: Response
        if request.uri.path.hasPrefix("/api/") {
            response = try APIError(
                status: status, message: error.message, code: error.code.rawValue, fields: error.fields
            ).response()
        } else {
            response = try pages.render(
                ErrorPage(
                    title: Self.title(status), message: error.message, statusCode: Int(status.code),
                    nav: NavBar(context)),
                status: status)
        }
        for field in headers { response.headers.append(field) }
        return response
    }

    static func status(of code: CourtError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalid: .unprocessableContent
        case .courtNotFound, .notFound: .notFound
        case .loginTaken, .courtNotNextGen, .courtOnNextGen, .courtStillLegacy, .cutoverDone, .alreadyLinked,
            .alreadyRequested, .alreadyDecided:
            .conflict
        case .invalidCredentials, .locked, .notSignedIn: .unauthorized
        case .invalidToken: .badRequest
        case .rateLimited: .tooManyRequests
        case .courtUnavailable: .serviceUnavailable
        case .redactionNotAcknowledged, .paymentRequired: .unprocessableContent
        case .paymentDeclined: HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")
        case .paymentUnavailable: .gatewayTimeout
        case .notClerk, .notAllowedToFile, .pacerAccountNotUpgraded, .pacerAccountNotActive, .pacerAccountNotIndividual,
            .notLinked,
            .roleMayNotFile, .courtAccountDisabled, .notMediaAccount, .insufficientScope:
            .forbidden
        }
    }

    static func status(of code: AccountError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalid: .unprocessableContent
        case .duplicateEmail, .usernameTaken: .conflict
        case .invalidToken: .badRequest
        case .invalidCredentials, .mfaRequired, .emailUnverified, .locked, .notSignedIn: .unauthorized
        case .heldForReview, .notAllowed, .insufficientScope, .signInNeeded, .twoStepNeeded: .forbidden
        case .tooSoon: .tooManyRequests
        case .notFound: .notFound
        }
    }

    func respond(
        status: HTTPResponse.Status, message: String?, headers: HTTPFields, request: Request, context: Context
    ) throws -> Response {
        let text = message ?? Self.defaultMessage(status)
        if request.uri.path.hasPrefix("/api/") {
            var response = try APIError(status: status, message: text).response()
            for field in headers { response.headers.append(field) }
            return response
        }
        var response = try pages.render(
            ErrorPage(title: Self.title(status), message: text, statusCode: Int(status.code), nav: NavBar(context)),
            status: status)
        for field in headers where field.name != .contentType && field.name != .contentLength {
            response.headers.append(field)
        }
        return response
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "Page not found"
        case .forbidden: "Not allowed"
        case .unauthorized: "Sign-in needed"
        case .serviceUnavailable: "Temporarily unavailable"
        case .tooManyRequests: "Too many requests"
        default: status.code >= 500 ? "Something went wrong" : "The request could not be completed"
        }
    }

    static func defaultMessage(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "There is no page at this address. Check the address, or start again from the list of courts."
        case .methodNotAllowed: "This address does not accept that kind of request."
        case .internalServerError:
            "The server could not complete the request. Nothing was changed. Please try again in a moment."
        default: status.reasonPhrase
        }
    }
}
