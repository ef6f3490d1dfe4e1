import ECFDomain
import Foundation

/// Absolute links for e-mails, built from `--public-url` and the one table of paths.
public struct LinkBuilder: Sendable {
    public let base: URL

    public init(base: URL) {
        self.base = base
    }

    public func url(_ path: String, query: [String: String] = [:]) -> String {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = basePath + path
        if !query.isEmpty {
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        }
        return components.string!
    }

    /// The absolute address of a case's docket report (CM/ECF's `DktRpt.pl?{caseid}`, whose query
    /// is the bare case id, which `url(_:query:)` would encode).
    public func docketReport(_ court: CourtID, _ caseID: CaseID) -> String {
        url("/ecf/\(court.rawValue)/cgi-bin/DktRpt.pl") + "?\(caseID.rawValue)"
    }
}

/// The paths of the PSC's pages that e-mails link to.
public enum PSCPaths {
    public static let verifyEmail = "/pacer/verify-email"
    public static let resetPassword = "/pacer/reset-password"
    public static let signIn = "/pacer/login"
    public static let forgotPassword = "/pacer/forgot-password"
    public static let account = "/pacer/account"
}
