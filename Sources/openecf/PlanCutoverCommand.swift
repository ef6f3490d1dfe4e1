import ArgumentParser
import ECFApp
import ECFDomain
import ECFServices
import Foundation

/// `openecf court plan-cutover cacd --nextgen-at … --blackout-from … --blackout-to …`
struct PlanCutoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan-cutover",
        abstract: "Plan (or move) a court's move to NextGen and its blackout windows, and notify its users.",
        discussion: """
            Times are in the court's own time zone, to the minute or second (2020-02-18T00:00). Repeat \
            --blackout-from/--blackout-to for several windows. A plan in the past, overlapping windows or a \
            window ending after the cutover are refused; a plan can be moved until it happens. The running \
            server sees the new plan at once and sends the notices.
            """)

    @Argument(help: "The court id, such as cacd.") var court: String
    @Option(name: .customLong("nextgen-at"), help: "When the court starts NextGen, e.g. 2020-02-18T00:00.")
    var nextGenAt: String
    @Option(name: .customLong("blackout-from"), help: "When a blackout window begins.") var blackoutFrom: [String] = []
    @Option(name: .customLong("blackout-to"), help: "When that blackout window ends.") var blackoutTo: [String] = []
    @OptionGroup var settings: SettingsOptions

    func validate() throws {
        guard blackoutFrom.count == blackoutTo.count else {
            throw ValidationError("Give each --blackout-from with its --blackout-to.")
        }
    }

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        try await reportingFailure {
            let composition = try await Composition.open(config, logger: logger)
            let planned: OpenCourt
            do {
                planned = try await PlanCutover(try await composition.courtContext())(
                    court: court, .init(nextGenAt: nextGenAt, blackouts: Array(zip(blackoutFrom, blackoutTo))),
                    by: .operatorCLI)
                await composition.close()
            } catch {
                await composition.close()
                throw error
            }
            print("Planned \(planned.court.id) (\(planned.court.name)):")
            for sentence in planned.plan.sentences(in: planned.zone, now: planned.now) { print("  " + sentence) }
        }
    }
}
