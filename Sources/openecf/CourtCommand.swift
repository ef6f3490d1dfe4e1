import ArgumentParser
import ECFApp
import ECFDomain
import ECFServices
import Foundation

struct CourtCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "court", abstract: "Enable courts on this server and list them.",
        subcommands: [
            Add.self, List.self, PlanCutoverCommand.self, DocumentSettingsCommand.self, CourtSetCommand.self,
            CourtExemptCommand.self, GenerateCaseCommand.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enable a court (by its PACER id, such as cacd) and create its database.")

        @Argument(help: "The court id, such as cacd, nysd, cacb or ca9.") var id: String
        @OptionGroup var settings: SettingsOptions

        func run() async throws {
            let (config, logger) = try settings.loadAndStartLogging()
            try await reportingFailure {
                // An unknown id is refused before any database is touched.
                _ = try FederalCourts.require(id)
                let composition = try await Composition.open(config, logger: logger)
                let outcome = try await composition.enableCourt()(id)
                await composition.close()
                switch outcome {
                case .enabled(let court): print("Enabled \(court.id): \(court.name).")
                case .alreadyEnabled(let court): print("\(court.id) (\(court.name)) was already enabled.")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the courts enabled on this server.")

        @Flag(help: "List every court in the registry instead, enabled or not.") var all = false
        @OptionGroup var settings: SettingsOptions

        func run() async throws {
            if all {
                for court in FederalCourts.all {
                    print(
                        Self.row(
                            court.id.rawValue, court.kind.rawValue, court.documentIDPrefix, court.timeZoneID, court.name
                        ))
                }
                return
            }
            let (config, logger) = try settings.loadAndStartLogging()
            try await reportingFailure {
                let composition = try await Composition.open(config, logger: logger)
                let listings = try await composition.listCourts()()
                await composition.close()
                if listings.isEmpty {
                    print("No court is enabled. Enable one with: openecf court add cacd")
                    return
                }
                print(Self.row("ID", "KIND", "PREFIX", "PHASE", "NAME"))
                for listing in listings {
                    let court = listing.court
                    print(
                        Self.row(
                            court.id.rawValue, court.kind.rawValue, court.documentIDPrefix, listing.phase.rawValue,
                            court.name))
                }
            }
        }

        static func row(_ columns: String...) -> String {
            let widths = [6, 11, 7, 20]
            return columns.enumerated().map { index, text in
                index < widths.count
                    ? text.padding(toLength: max(widths[index], text.count + 1), withPad: " ", startingAt: 0) : text
            }.joined()
        }
    }
}
