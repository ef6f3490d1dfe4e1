import ArgumentParser
import ECFApp
import Foundation
import Logging

/// The settings every command shares. Each is also read from the environment (`OPENECF_…`).
struct SettingsOptions: ParsableArguments {
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default 8080; 0 picks a free one).") var port: String?
    @Option(help: "Directory for SQLite files, documents and mail files (default ./data).") var dataDir: String?
    @Option(help: "postgres://user:password@host:5432/openecf: the PSC and each court get their own database.")
    var databaseUrl: String?
    @Option(help: "Base of the links in e-mails (default http://HOST:PORT).") var publicUrl: String?
    @Option(help: "smtp://host:port (without it, mail is written to DATA_DIR/mail/*.eml).") var smtpUrl: String?
    @Option(help: "Sender of every e-mail (default OpenECF <noreply@localhost>).") var mailFrom: String?
    @Flag(help: "Seed demo data into an empty database.") var demo = false
    @Option(help: "Demo and tests only: the clock starts at this ISO 8601 instant and runs forward.")
    var clockStart: String?
    @Option(help: "text or json (one JSON object per line).") var logFormat: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical.") var logLevel: String?
    @Option(help: "Requests a minute each personal API token may make (default 600).") var apiTokenRateLimit: String?
    @Flag(help: "Tests only: let webhooks deliver to loopback and private addresses.") var webhooksAllowPrivate = false

    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags["host"] = host
        flags["port"] = port
        flags["dataDir"] = dataDir
        flags["databaseUrl"] = databaseUrl
        flags["publicUrl"] = publicUrl
        flags["smtpUrl"] = smtpUrl
        flags["mailFrom"] = mailFrom
        flags["demo"] = demo ? "true" : nil
        flags["clockStart"] = clockStart
        flags["logFormat"] = logFormat
        flags["logLevel"] = logLevel
        flags["apiTokenRateLimit"] = apiTokenRateLimit
        flags["webhooksAllowPrivate"] = webhooksAllowPrivate ? "true" : nil
        return flags
    }

    /// The configuration, or an exit that lists every problem.
    func load() throws -> AppConfig {
        do {
            return try AppConfig.load(flags: flags, environment: ProcessInfo.processInfo.environment)
        } catch {
            var message = "openecf: the configuration has \(error.problems.count == 1 ? "a problem" : "problems"):\n"
            for problem in error.problems { message += "  - \(problem)\n" }
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(2)
        }
    }

    /// The configuration with logging set up as it asks.
    func loadAndStartLogging(label: String = "openecf") throws -> (AppConfig, Logger) {
        let config = try load()
        LoggingSetup.bootstrap(format: config.logFormat, level: config.logLevel)
        return (config, Logger(label: label))
    }
}

/// Runs a command body, turning a failure into one clear line and a non-zero exit.
func reportingFailure<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("openecf: \(FailureText.describe(error))\n".utf8))
        throw ExitCode(1)
    }
}
