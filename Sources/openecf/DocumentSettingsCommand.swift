import ArgumentParser
import ECFApp
import ECFDomain
import ECFServices
import Foundation

/// `openecf court document-settings cacd --max-file-mb 50 --scanned-pdfs warn`
struct DocumentSettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document-settings",
        abstract:
            "Set the largest PDF a court accepts and whether a scanned PDF is refused or accepted with a warning.",
        discussion: "The clerk can change the same settings on the court's clerk dashboard. Audited.")

    @Argument(help: "The court id, such as cacd.") var court: String
    @Option(name: .customLong("max-file-mb"), help: "The largest file accepted, in MB (1 to 500).")
    var maxFileMegabytes: String = "35"
    @Option(name: .customLong("scanned-pdfs"), help: "refuse (PDFs must be text-searchable) or warn.")
    var scannedPDFs: String = "refuse"
    @Option(name: .customLong("summary-time"), help: "When daily summaries go out, HH:MM in the court's time.")
    var summaryTime: String = "17:00"
    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            let composition = try await Composition.open(config, logger: logger)
            let chosen: CourtSettings
            do {
                chosen = try await ChangeCourtSettings(try await composition.courtContext())(
                    court: court, maxFileMegabytes: maxFileMegabytes, scannedPDFs: scannedPDFs,
                    summaryTime: summaryTime,
                    by: .operatorCLI)
                await composition.close()
            } catch {
                await composition.close()
                throw error
            }
            print("\(court): files up to \(chosen.maxFileMegabytes) MB; scanned PDFs: \(chosen.scannedPDFs.rawValue).")
        }
    }
}
