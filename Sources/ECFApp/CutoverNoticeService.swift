import ECFServices
import Logging
import ServiceLifecycle

/// Watches every court's cutover instant and queues its "now on NextGen — link your account"
/// notices once, a second after it passes. Every process may run it: the notices are marked in
/// the court's database in the same transaction, so they go out once.
struct CutoverNoticeService: Service {
    let notify: NotifyCutovers
    let logger: Logger
    var interval: Duration = .seconds(1)

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                let queued = try await notify()
                if queued > 0 { logger.notice("cutover notices queued", metadata: ["count": "\(queued)"]) }
            } catch {
                logger.error("cutover notice pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
