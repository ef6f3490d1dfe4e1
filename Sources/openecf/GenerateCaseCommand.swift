import ArgumentParser
import ECFApp
import Foundation

/// `openecf court generate-case nysd --parties 40 --entries 50000`
struct GenerateCaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-case", abstract: "Make up a case to try the system with, and print it as JSON.",
        discussion: """
            Many parties (every third after the first two terminated) with names in many scripts and \
            with characters HTML escapes, entries with attachments, unnumbered minute entries. Filed \
            by the court's first attorney account; the same seed makes the same case. For demos, \
            benchmarks and checking what other programs read; never on a real court.
            """)

    @Argument(help: "The court id, such as nysd or nysb.") var court: String
    @Option(help: "How many parties (at least 2).") var parties = 12
    @Option(help: "How many docket entries (every fifth an unnumbered minute entry).") var entries = 40
    @Option(help: "Varies the names.") var seed = 1
    @Option(help: "Attorneys of record to add, each mailed a notice of every filing (for a large service list).")
    var counsel = 0
    @OptionGroup var settings: SettingsOptions

    func validate() throws {
        guard (2...500).contains(parties) else { throw ValidationError("--parties is 2 to 500.") }
        guard (1...200_000).contains(entries) else { throw ValidationError("--entries is 1 to 200000.") }
        guard (0...5_000).contains(counsel) else { throw ValidationError("--counsel is 0 to 5000.") }
    }

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            let composition = try await Composition.open(config, logger: logger)
            do {
                let summary = try await GeneratedCase.generate(
                    in: court, .init(parties: parties, entries: entries, seed: seed, counsel: counsel),
                    context: try await composition.courtContext(), blobs: composition.documentBlobs(),
                    temporary: config.dataDirectory.appendingPathComponent("uploads"))
                await composition.close()
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } catch {
                await composition.close()
                throw error
            }
        }
    }
}
