import ArgumentParser
import ECFApp

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create the databases if missing and run every pending migration.")

    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            let composition = try await Composition.open(config, logger: logger)
            let courts = try await composition.migrateAll()
            print("Migrated the PSC database and \(courts.count) court database\(courts.count == 1 ? "" : "s").")
            await composition.close()
        }
    }
}
