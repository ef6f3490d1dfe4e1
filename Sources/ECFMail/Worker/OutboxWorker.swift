import ECFServices
import Logging
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
                _ = try await cancelWhenGracefulShutdown { try await deliver() }
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
}
