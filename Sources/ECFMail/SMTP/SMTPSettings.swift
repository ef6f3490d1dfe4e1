import Foundation

/// How to reach the mail server, read from `--smtp-url`:
/// `smtp://host:port` (plain), `smtp://user:pass@host:587?starttls=required` (STARTTLS, then AUTH),
/// `smtps://user:pass@host:465` (TLS from the start).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        case none
        case startTLS
        case implicitTLS
    }

    public let host: String
    public let port: Int
    public let security: Security
    public let username: String?
    public let password: String?
    /// The name this client gives in EHLO.
    public let heloName: String
    public let timeout: Duration

    public init(url text: String, heloName: String = "localhost", timeout: Duration = .seconds(30)) throws(SMTPURLError)
    {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw SMTPURLError("is not a URL; expected smtp://host:port")
        }
        guard scheme == "smtp" || scheme == "smtps" else {
            throw SMTPURLError("uses \"\(scheme)://\"; use smtp://host:port or smtps://host:port")
        }
        guard let host = components.host, !host.isEmpty else {
            throw SMTPURLError("has no host name; expected smtp://host:port")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw SMTPURLError("has port \(port); a port is between 1 and 65535")
        }
        var security: Security = scheme == "smtps" ? .implicitTLS : .none
        if let value = components.queryItems?.first(where: { $0.name == "starttls" })?.value {
            guard scheme == "smtp", ["required", "true"].contains(value) else {
                throw SMTPURLError("has starttls=\(value); use smtp://…?starttls=required")
            }
            security = .startTLS
        }
        let user = components.user.flatMap { $0.removingPercentEncoding }
        let password = components.password.flatMap { $0.removingPercentEncoding }
        if user != nil, security == .none, !Self.isLoopback(host) {
            throw SMTPURLError(
                "sends a password without encryption; add ?starttls=required or use smtps://")
        }
        self.host = host
        self.port = components.port ?? (scheme == "smtps" ? 465 : 25)
        self.security = security
        self.username = user
        self.password = password
        self.heloName = heloName
        self.timeout = timeout
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}

public struct SMTPURLError: Error, Equatable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { "--smtp-url \(problem)" }
}
