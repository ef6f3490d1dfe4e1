import ECFServices
import Logging
import Metrics
import ServiceLifecycle

/// Runs the outbox delivery as a service until the server shuts down: a pass over the outboxes
/// that rang when a change that queued messages commits (the doorbell), a pass over every outbox
/// every `interval` in any case (messages due again after a backoff, messages queued by another
/// process), and at once after a pass that delivered something (a burst of notices goes out back
/// to back).
/// A pass in progress finishes its current messages first; anything not yet delivered stays in
/// the outbox for the next start.
public struct OutboxWorker: Service {
    let deliver: DeliverOutbox
    let interval: Duration
    let doorbell: OutboxDoorbell
    let logger: Logger

    public init(
        deliver: DeliverOutbox, interval: Duration = .seconds(1), doorbell: OutboxDoorbell = .shared, logger: Logger
    ) {
        self.deliver = deliver
        self.doorbell = doorbell
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        logger.info("outbox worker started")
        var passes = OutboxPasses(interval: interval)
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let only = passes.next(at: .now)
            var delivered: Set<OutboxLocation> = []
            do {
                let report = try await cancelWhenGracefulShutdown { try await deliver(only: only) }
                record(report)
                delivered = report.deliveredFrom
            } catch is CancellationError {
                break
            } catch {
                logger.error("outbox pass failed", metadata: ["error": "\(error)"])
            }
            if !delivered.isEmpty {
                passes.again(deliveredFrom: delivered, rung: doorbell.take())
                continue
            }
            passes.woke(await doorbell.wait(atMost: interval))
        }
        logger.info("outbox worker stopped")
    }

    /// Outcomes through swift-metrics (Prometheus under `serve`).
    private func record(_ report: DeliverOutbox.Report) {
        for (outcome, count) in [
            ("delivered", report.delivered), ("retried", report.retried), ("failed", report.failed),
        ]
        where count > 0 {
            Counter(label: "openecf_outbox_attempts_total", dimensions: [("outcome", outcome)]).increment(by: count)
        }
    }
}
