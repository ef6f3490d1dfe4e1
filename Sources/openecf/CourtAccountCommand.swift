import ArgumentParser
import ECFApp
import ECFDomain
import ECFServices
import Foundation

struct CourtAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "court-account", abstract: "Manage a court's CM/ECF logins.",
        subcommands: [Create.self, Import.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a court CM/ECF login.",
            discussion: """
                Without --password-stdin the person gets a one-time password by e-mail (sent by the running \
                server), to be changed at the first sign-in.
                """)

        @Option(help: "The court id, such as cacd.") var court: String
        @Option(help: "The login name.") var login: String
        @Option(help: "attorney, proSeFiler, mediaEService, clerk or judge.") var role: String
        @Option(name: .customLong("first-name")) var firstName: String
        @Option(name: .customLong("last-name")) var lastName: String
        @Option(help: "The primary e-mail address.") var email: String
        @Option(name: .customLong("secondary-email"), help: "A secondary address (up to 5; repeat the option).")
        var secondaryEmail: [String] = []
        @Option(name: .customLong("bar-number"), help: "Attorneys: the bar number.") var barNumber: String = ""
        @Option(name: .customLong("bar-state"), help: "Attorneys: the bar's state, such as CA.") var barState: String =
            ""
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordStdin = false
        @OptionGroup var settings: SettingsOptions

        func run() async throws {
            let (config, logger) = try settings.loadAndStartLogging()
            let password: CreateCourtAccount.Password =
                passwordStdin ? .chosen(readLine(strippingNewline: true) ?? "") : .oneTime
            try await reportingFailure {
                let composition = try await Composition.open(config, logger: logger)
                let form = CourtAccountForm(
                    login: login, role: role, firstName: firstName, lastName: lastName, email: email,
                    secondaryEmails: secondaryEmail.joined(separator: ";"), barNumber: barNumber, barState: barState)
                do {
                    let account = try await CreateCourtAccount(try await composition.courtContext())(
                        court: court, form: form, password: password, by: .operatorCLI)
                    await composition.close()
                    print("Created \(account.login) (\(account.role.label)) in \(account.court).")
                } catch {
                    await composition.close()
                    throw error
                }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a court's existing users from a CSV file.",
            discussion: """
                Header: login,role,firstName,lastName,email,secondaryEmails,barNumber,barState[,passwordBcrypt]; \
                secondary e-mails separated by ';'. A line without a bcrypt hash gets a one-time password by \
                e-mail. A bad line is reported with its number and nothing of it is imported; the others are.
                """)

        @Option(help: "The court id, such as cacd.") var court: String
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var settings: SettingsOptions

        func run() async throws {
            let (config, logger) = try settings.loadAndStartLogging()
            let report = try await reportingFailure {
                let text = try ImportFile.read(file)
                let composition = try await Composition.open(config, logger: logger)
                do {
                    let report = try await ImportCourtAccounts(try await composition.courtContext())(
                        court: court, csv: text, by: .operatorCLI)
                    await composition.close()
                    return report
                } catch {
                    await composition.close()
                    throw error
                }
            }
            try ImportFile.report(
                imported: report.imported.count, rejected: report.rejected.map { ($0.line, $0.problem) })
        }
    }
}
