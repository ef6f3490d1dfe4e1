import ArgumentParser
import ECFApp
import ECFDomain
import ECFServices

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Check outgoing mail.", subcommands: [Test.self])

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a test message in the outbox; the running server delivers it.")

        @Option(help: "Who gets the test message.") var to: String
        @OptionGroup var settings: SettingsOptions

        func run() async throws {
            guard let recipient = EmailAddress(parsing: to) else {
                throw ValidationError("--to \"\(to)\" is not an e-mail address")
            }
            let (config, logger) = try settings.loadAndStartLogging()
            try await reportingFailure {
                let composition = try await Composition.open(config, logger: logger)
                let mail = try await composition.queueTestMail()(to: recipient)
                await composition.close()
                print("Queued \(mail.messageID) for \(recipient.address).")
            }
        }
    }
}
