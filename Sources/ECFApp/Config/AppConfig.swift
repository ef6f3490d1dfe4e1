import ECFDomain
import ECFMail
import ECFPersistence
import Foundation
import Logging

/// The server's configuration, read once at start-up from flags, then the environment
/// (`OPENECF_…`), then defaults. A bad value stops start-up with every problem listed at once.
public struct AppConfig: Sendable {
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public var host: String
    public var port: Int
    public var dataDirectory: URL
    public var database: DatabaseLocation
    public var publicURL: URL
    public var smtp: SMTPSettings?
    public var mailFrom: EmailAddress
    public var demo: Bool
    public var clockStart: Date?
    public var logFormat: LogFormat
    public var logLevel: Logger.Level
    /// Whether each SQLite commit waits for the disk (always, except in the in-process tests,
    /// which open dozens of applications at once: there a commit survives a crash of the
    /// process, not of the machine). PostgreSQL keeps its own setting.
    public var sqliteCommitsToDisk = true
    /// Requests a minute each personal API token may make.
    public var apiTokenRateLimit = APITokenPolicy.defaultRequestsPerMinute
    /// Whether webhooks may deliver to loopback and private addresses (tests only).
    public var webhooksAllowPrivate = false

    /// Where mail goes when there is no SMTP server: `<data-dir>/mail/`.
    public var mailDirectory: URL { dataDirectory.appendingPathComponent("mail", isDirectory: true) }

    /// The domain in Message-IDs: the host of the public URL.
    public var messageIDDomain: String { publicURL.host ?? "localhost" }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: URL, database: DatabaseLocation? = nil,
        publicURL: URL? = nil, smtp: SMTPSettings? = nil, mailFrom: EmailAddress? = nil, demo: Bool = false,
        clockStart: Date? = nil, logFormat: LogFormat = .text, logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database =
            database ?? .sqlite(directory: dataDirectory.appendingPathComponent("databases", isDirectory: true))
        self.publicURL = publicURL ?? URL(string: "http://\(host):\(port)")!
        self.smtp = smtp
        self.mailFrom = mailFrom ?? EmailAddress("noreply@localhost", displayName: "OpenECF")!
        self.demo = demo
        self.clockStart = clockStart
        self.logFormat = logFormat
        self.logLevel = logLevel
    }
}

/// Every problem found in the configuration, one line each, naming the setting.
public struct AppConfigErrors: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
