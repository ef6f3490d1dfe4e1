import ECFServices
import Logging
import Metrics
import ServiceLifecycle

/// Runs the outbox delivery as a service: a pass every `interval` until the server shuts down.
/// A pass in progress finishes its current message first; anything not yet delivered stays in
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
            do {
                let report = try await cancelWhenGracefulShutdown { try await deliver() }
                record(report)
            } catch is CancellationError {
                break
            } catch {
                logger.error("outbox pass failed", metadata: ["error": "\(error)"])
            }
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
