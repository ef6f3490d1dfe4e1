import ECFApp
import ECFDomain
import ECFMail
import ECFPersistence
import Foundation
import Testing

@Suite("Configuration: flags, then OPENECF_ environment, then defaults")
struct AppConfigTests {
    @Test func defaults() throws {
        let config = try AppConfig.load(flags: [:], environment: [:])
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.publicURL.absoluteString == "http://127.0.0.1:8080")
        #expect(config.smtp == nil)
        #expect(config.demo == false)
        #expect(config.clockStart == nil)
        #expect(config.mailFrom.address == "noreply@localhost")
        #expect(config.dataDirectory.path.hasSuffix("/data"))
        guard case .sqlite(let directory) = config.database else {
            Issue.record("SQLite is the default")
            return
        }
        #expect(directory.path.hasSuffix("/data/databases"))
    }

    @Test func environmentFillsInAndFlagsWin() throws {
        let config = try AppConfig.load(
            flags: ["port": "9000"],
            environment: [
                "OPENECF_PORT": "7000", "OPENECF_DATA_DIR": "/tmp/ecf-env", "OPENECF_DEMO": "true",
                "OPENECF_SMTP_URL": "smtp://127.0.0.1:2525", "OPENECF_DATABASE_URL": "postgres://ecf:pw@db:5432/courts",
                "OPENECF_CLOCK_START": "2026-03-06T18:00:00-08:00", "OPENECF_MAIL_FROM": "Clerk <clerk@cacd.example>",
                "OPENECF_PUBLIC_URL": "https://ecf.example.org", "OPENECF_LOG_FORMAT": "json",
            ])
        #expect(config.port == 9000)
        #expect(config.dataDirectory.path == "/tmp/ecf-env")
        #expect(config.demo)
        #expect(config.smtp?.port == 2525)
        #expect(config.clockStart == (try Date("2026-03-07T02:00:00Z", strategy: .iso8601)))
        #expect(config.mailFrom.displayName == "Clerk")
        #expect(config.publicURL.absoluteString == "https://ecf.example.org")
        #expect(config.messageIDDomain == "ecf.example.org")
        #expect(config.logFormat == .json)
        guard case .postgres(let server) = config.database else {
            Issue.record("the database URL was ignored")
            return
        }
        #expect(server.baseName == "courts")
    }

    @Test func listsEveryProblemAtOnce() {
        do {
            _ = try AppConfig.load(
                flags: [
                    "port": "eighty", "databaseUrl": "mysql://x", "smtpUrl": "smtp//oops", "clockStart": "yesterday",
                ],
                environment: [
                    "OPENECF_MAIL_FROM": "not an address", "OPENECF_DEMO": "perhaps", "OPENECF_LOG_FORMAT": "xml",
                ])
            Issue.record("a bad configuration was accepted")
        } catch {
            let settings = [
                "--port", "--database-url", "--smtp-url", "--clock-start", "--mail-from", "--demo", "--log-format",
            ]
            #expect(error.problems.count == settings.count)
            for setting in settings {
                #expect(error.problems.contains { $0.hasPrefix(setting) }, "\(setting) is named")
            }
        }
    }

    @Test func everySettingHasAnEnvironmentVariable() {
        let variables = ConfigSetting.all.map(\.environmentVariable)
        #expect(variables.contains("OPENECF_DATA_DIR"))
        #expect(variables.contains("OPENECF_DATABASE_URL"))
        #expect(variables.contains("OPENECF_CLOCK_START"))
        #expect(Set(variables).count == variables.count)
    }
}
