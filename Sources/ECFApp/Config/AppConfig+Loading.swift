import Configuration
import ECFDomain
import ECFMail
import ECFPersistence
import Foundation
import Logging

extension AppConfig {
    /// Reads the configuration: `flags` (setting key → value, from the command line) win over
    /// `environment` (`OPENECF_…`), which wins over the defaults.
    public static func load(flags: [String: String], environment: [String: String]) throws(AppConfigErrors) -> AppConfig
    {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in flags {
            values[AbsoluteConfigKey(["openecf", key])] = ConfigValue(.string(value), isSecret: key.hasSuffix("Url"))
        }
        let reader = ConfigReader(providers: [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ]).scoped(to: "openecf")
        var parser = SettingParser()
        func value(_ key: String) -> String? {
            let text = reader.string(forKey: ConfigKey([key]), isSecret: key.hasSuffix("Url"))
            return text?.isEmpty == true ? nil : text
        }

        let host = value("host") ?? "127.0.0.1"
        let port = parser.port(value("port"))
        let dataDirectory = URL(fileURLWithPath: value("dataDir") ?? "./data", isDirectory: true).standardizedFileURL
        let database = parser.database(value("databaseUrl"), dataDirectory: dataDirectory)
        let publicURL = parser.publicURL(value("publicUrl"), host: host, port: port ?? 8080)
        let smtp = parser.smtp(value("smtpUrl"), heloName: publicURL?.host ?? "localhost")
        let mailFrom = parser.mailFrom(value("mailFrom"))
        let demo = parser.bool(value("demo"), setting: "--demo")
        let clockStart = parser.instant(value("clockStart"))
        let logFormat = parser.logFormat(value("logFormat"))
        let logLevel = parser.logLevel(value("logLevel"))
        let apiTokenRateLimit = parser.positive(
            value("apiTokenRateLimit"), setting: "--api-token-rate-limit",
            default: APITokenPolicy.defaultRequestsPerMinute)
        let webhooksAllowPrivate = parser.bool(value("webhooksAllowPrivate"), setting: "--webhooks-allow-private")

        guard parser.problems.isEmpty, let port, let database, let publicURL, let mailFrom, let demo, let logFormat,
            let logLevel, let apiTokenRateLimit, let webhooksAllowPrivate
        else {
            throw AppConfigErrors(problems: parser.problems)
        }
        var config = AppConfig(
            host: host, port: port, dataDirectory: dataDirectory, database: database, publicURL: publicURL,
            smtp: smtp ?? nil, mailFrom: mailFrom, demo: demo, clockStart: clockStart ?? nil, logFormat: logFormat,
            logLevel: logLevel)
        config.apiTokenRateLimit = apiTokenRateLimit
        config.webhooksAllowPrivate = webhooksAllowPrivate
        return config
    }
}

/// Parses one setting at a time, collecting problems instead of stopping at the first.
struct SettingParser {
    var problems: [String] = []

    mutating func port(_ text: String?) -> Int? {
        guard let text else { return 8080 }
        guard let port = Int(text), (0...65535).contains(port) else {
            problems.append("--port \"\(text)\" is not a port number (0 to 65535)")
            return nil
        }
        return port
    }

    mutating func database(_ text: String?, dataDirectory: URL) -> DatabaseLocation? {
        do {
            return try DatabaseLocation.parse(text, dataDirectory: dataDirectory)
        } catch {
            problems.append(error.description)
            return nil
        }
    }

    mutating func publicURL(_ text: String?, host: String, port: Int) -> URL? {
        guard let text else {
            let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
            return URL(string: "http://\(shownHost):\(port)")
        }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else {
            problems.append("--public-url \"\(text)\" is not an http:// or https:// address")
            return nil
        }
        return url
    }

    mutating func smtp(_ text: String?, heloName: String) -> SMTPSettings?? {
        guard let text else { return .some(nil) }
        do {
            return .some(try SMTPSettings(url: text, heloName: heloName))
        } catch {
            problems.append(error.description)
            return nil
        }
    }

    mutating func mailFrom(_ text: String?) -> EmailAddress? {
        guard let text else { return EmailAddress("noreply@localhost", displayName: "OpenECF") }
        guard let address = EmailAddress(parsing: text) else {
            problems.append("--mail-from \"\(text)\" is not an e-mail address (like OpenECF <noreply@example.org>)")
            return nil
        }
        return address
    }

    mutating func bool(_ text: String?, setting: String) -> Bool? {
        guard let text else { return false }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            problems.append("\(setting) \"\(text)\" is not true or false")
            return nil
        }
    }

    mutating func positive(_ text: String?, setting: String, default defaultValue: Int) -> Int? {
        guard let text else { return defaultValue }
        guard let number = Int(text), number > 0 else {
            problems.append("\(setting) \"\(text)\" is not a whole number above 0")
            return nil
        }
        return number
    }

    mutating func instant(_ text: String?) -> Date?? {
        guard let text else { return .some(nil) }
        if let date = try? Date(text, strategy: .iso8601) { return .some(date) }
        problems.append("--clock-start \"\(text)\" is not an ISO 8601 instant (like 2026-03-06T18:00:00-08:00)")
        return nil
    }

    mutating func logFormat(_ text: String?) -> AppConfig.LogFormat? {
        guard let text else { return .text }
        guard let format = AppConfig.LogFormat(rawValue: text.lowercased()) else {
            problems.append("--log-format \"\(text)\" is not text or json")
            return nil
        }
        return format
    }

    mutating func logLevel(_ text: String?) -> Logger.Level? {
        guard let text else { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            problems.append(
                "--log-level \"\(text)\" is not one of trace, debug, info, notice, warning, error, critical")
            return nil
        }
        return level
    }
}
