import ECFServices
import Logging
import ServiceLifecycle

/// Runs the court's timed work every `interval`: the "now on NextGen — link your account" notices a
/// second after a cutover passes, and the daily summaries once a court's summary time passes. Every
/// process may run it: each pass marks what it queued in the court's database in the same
/// transaction, so nothing goes out twice.
struct SchedulerService: Service {
    struct Job: Sendable {
        let name: String
        let run: @Sendable () async throws -> Int
    }

    let jobs: [Job]
    let logger: Logger
    var interval: Duration = .seconds(1)

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            for job in jobs {
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
