import ECFServices
import Logging
import ServiceLifecycle

/// Runs the court's timed work, each job every `every` (checked each `interval`) or at the tick
/// after it is woken early: the "now on NextGen — link your account" notices a second after a
/// cutover passes, the daily summaries within a minute of a court's summary time (at once when
/// the time was changed in this process). Every process may run it: each pass marks what it
/// queued in the court's database in the same transaction, so nothing goes out twice.
struct SchedulerService: Service {
    struct Job: Sendable {
        let name: String
        var every: Duration = .seconds(1)
        /// Taken at each tick: true runs the job then, whatever its pace.
        var early: @Sendable () -> Bool = { false }
        /// Whether its first run waits a period (work already done as the server started) rather
        /// than coming at the first tick.
        var waitsAPeriodFirst = false
        let run: @Sendable () async throws -> Int
    }

    let jobs: [Job]
    let logger: Logger
    var interval: Duration = .seconds(1)
    var clock = ContinuousClock()

    func run() async throws {
        let start = clock.now
        var lastRun: [Int: ContinuousClock.Instant] = [:]
        for (index, job) in jobs.enumerated() where job.waitsAPeriodFirst { lastRun[index] = start }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            for (index, job) in jobs.enumerated() {
                let started = clock.now
                if let last = lastRun[index], started - last < job.every, !job.early() { continue }
                lastRun[index] = started
                do {
                    let queued = try await job.run()
                    if queued > 0 { logger.notice("\(job.name) queued", metadata: ["count": "\(queued)"]) }
                } catch {
                    logger.error("\(job.name) pass failed", metadata: ["error": "\(error)"])
                }
            }
            try? await Task.sleep(for: interval)
        }
    }
}
