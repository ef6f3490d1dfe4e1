import ArgumentParser
import ECFApp
import ECFServices
import Foundation

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Manage PACER accounts.", subcommands: [ImportLegacy.self])

    struct ImportLegacy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-legacy",
            abstract: "Import accounts issued before 2014-08-11 from a CSV file.",
            discussion: """
                Header: username,firstName,lastName,email,createdAt[,passwordBcrypt]. A row without a bcrypt hash \
                gets a one-time password by e-mail (delivered by the running server). A bad row is reported with its \
                line number and nothing of it is imported; the other rows are.
                """)

        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var settings: SettingsOptions

        func run() async throws {
            let (config, logger) = try settings.loadAndStartLogging()
            let report = try await reportingFailure {
                let text = try ImportFile.read(file)
                let composition = try await Composition.open(config, logger: logger)
                let report = try await ImportLegacyAccounts(try await composition.accountsContext())(csv: text)
                await composition.close()
                return report
            }
            try ImportFile.report(
                imported: report.imported.count, rejected: report.rejected.map { ($0.line, $0.problem) })
        }
    }
}

/// Reading an import file and telling what came of it, for every `import` command.
enum ImportFile {
    struct Unreadable: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read \(path) as a UTF-8 text file" }
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw Unreadable(path: path) }
        return text
    }

    /// Prints the count, each rejected line on standard error, and exits 1 when a line was rejected.
    static func report(imported: Int, rejected: [(line: Int, problem: String)]) throws {
        print("Imported \(imported) account\(imported == 1 ? "" : "s").")
        for rejection in rejected {
            FileHandle.standardError.write(Data("line \(rejection.line): \(rejection.problem)\n".utf8))
        }
        if !rejected.isEmpty { throw ExitCode(1) }
    }
}
