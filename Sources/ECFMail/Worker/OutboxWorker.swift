import ECFServices
import Logging
import Metrics
import ServiceLifecycle

/// Runs the outbox delivery as a service until the server shuts down: a pass every `interval`,
/// or at once after a pass that delivered something (a burst of notices goes out back to back).
/// A pass in progress finishes its current messages first; anything not yet delivered stays in
/// the outbox for the next start.
public struct OutboxWorker: Service {
    let deliver: DeliverOutbox
    let interval: Duration
    let logger: Logger

    public init(deliver: DeliverOutbox, interval: Duration = .seconds(1), logger: Logger) {
        self.deliver = deliver
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        logger.info("outbox worker started")
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            var delivered = false
            do {
                let report = try await cancelWhenGracefulShutdown { try await deliver() }
                record(report)
                delivered = report.delivered > 0
            } catch is CancellationError {
                break
            } catch {
                logger.error("outbox pass failed", metadata: ["error": "\(error)"])
            }
            if delivered { continue }
            do {
                try await Task.sleep(for: interval)
            } catch {
                break
            }
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
