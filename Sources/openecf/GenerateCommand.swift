import ArgumentParser
import ECFApp
import ECFDomain
import ECFServices
import Foundation
import Synchronization

/// `openecf generate --cases 1000000` (all 94 district courts) or `--courts 3 --cases 3000`.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill district courts with made-up cases, for benchmarks and demos at scale.",
        discussion: """
            Writes straight into the databases: cases with parties and attorneys, docket entries with \
            documents (a few small PDFs stored once), some sealed, and the national locator's copy. \
            The courts are enabled first if they are not. The same seed makes the same data; running \
            it again adds more. Never on a real court.
            """)

    @Option(help: "How many district courts, the first by id (94 is all of them).") var courts = 94
    @Option(name: .customLong("court"), help: "A court to fill instead (repeat for more), such as nysd.")
    var courtIDs: [String] = []
    @Option(help: "How many cases in all, shared evenly among the courts.") var cases = 10_000
    @Option(help: "Average parties a case (at least 2).") var partiesPerCase = 3
    @Option(help: "Average docket entries a case (most have fewer, a few thousands).") var entriesPerCase = 20
    @Option(help: "Percent of cases sealed (of the other cases' entries, 2% are sealed).") var sealedPercent = 1
    @Option(help: "Courts written at the same time (default: one a processor core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "The same seed makes the same data.") var seed: UInt64 = 1
    @Flag(help: "No progress bar.") var quiet = false
    @OptionGroup var settings: SettingsOptions

    func validate() throws {
        guard (1...94).contains(courts) else { throw ValidationError("--courts is 1 to 94.") }
        guard (1...100_000_000).contains(cases) else { throw ValidationError("--cases is 1 to 100000000.") }
        guard (2...200).contains(partiesPerCase) else { throw ValidationError("--parties-per-case is 2 to 200.") }
        guard (1...10_000).contains(entriesPerCase) else { throw ValidationError("--entries-per-case is 1 to 10000.") }
        guard (0...100).contains(sealedPercent) else { throw ValidationError("--sealed-percent is 0 to 100.") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs is 1 to 64.") }
    }

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            var ids = JudiciaryGenerator.districtCourts(courts)
            if !courtIDs.isEmpty {
                ids = try courtIDs.map { typed in
                    let court = try FederalCourts.require(typed)
                    guard court.kind == .district else {
                        throw ValidationError(
                            "\(court.id.rawValue) is not a district court; generate fills district courts.")
                    }
                    return court.id
                }
            }
            let composition = try await Composition.open(config, logger: logger)
            do {
                let enable = try await composition.enableCourt()
                for id in ids { _ = try await enable(id.rawValue) }
                var options = JudiciaryGenerator.Options(courts: ids, cases: cases)
                options.partiesPerCase = partiesPerCase
                options.entriesPerCase = entriesPerCase
                options.sealedPercent = sealedPercent
                options.seed = seed
                let generator = JudiciaryGenerator(
                    options, databases: composition.databases, blobs: composition.documentBlobs(),
                    temporary: config.dataDirectory.appendingPathComponent("uploads"))
                let bar = ProgressBar(total: cases, courts: ids.count, quiet: quiet)
                let done = try await generator.run(jobs: jobs) { bar.show($0) }
                bar.finish(done)
                await composition.close()
            } catch {
                await composition.close()
                throw error
            }
        }
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second, with the rate
/// of entries written.
final class ProgressBar: Sendable {
    let total: Int
    let courts: Int
    let quiet: Bool
    let started = Date()
    private let lastDrawn = Mutex(Date.distantPast)
    private let lastTenth = Mutex(0)
    static let toTerminal = isatty(STDERR_FILENO) == 1

    init(total: Int, courts: Int, quiet: Bool) {
        self.total = total
        self.courts = courts
        self.quiet = quiet
    }

    func show(_ progress: JudiciaryGenerator.Progress) {
        guard !quiet else { return }
        let now = Date()
        guard
            lastDrawn.withLock({ last in
                guard now.timeIntervalSince(last) >= 0.1 || progress.cases == total else { return false }
                last = now
                return true
            })
        else { return }
        let fraction = Double(progress.cases) / Double(max(total, 1))
        // Into a log (not a terminal), a line each tenth of the way instead of a bar redrawn.
        if !Self.toTerminal {
            let tenth = Int(fraction * 10)
            guard
                lastTenth.withLock({ last in
                    guard tenth > last else { return false }
                    last = tenth
                    return true
                })
            else { return }
        }
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let remaining = fraction > 0 ? elapsed / fraction - elapsed : 0
        let line =
            "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
            + "\(Int(fraction * 100))% \(progress.cases) cases, \(progress.entries) entries, "
            + "court \(min(progress.courtsDone + 1, courts))/\(courts), \(Int(Double(progress.entries) / elapsed)) entries/s, "
            + "\(Int(remaining))s left   "
        FileHandle.standardError.write(Data((Self.toTerminal ? line : line.dropFirst() + "\n").utf8))
    }

    func finish(_ progress: JudiciaryGenerator.Progress) {
        let elapsed = Date().timeIntervalSince(started)
        if !quiet, Self.toTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        print(
            "Generated \(progress.cases) cases, \(progress.parties) parties, \(progress.entries) entries and "
                + "\(progress.documents) documents in \(courts) \(courts == 1 ? "court" : "courts") in \(String(format: "%.1f", elapsed)) s "
                + "(\(Int(Double(progress.entries) / max(elapsed, 0.001))) entries/s).")
    }
}
