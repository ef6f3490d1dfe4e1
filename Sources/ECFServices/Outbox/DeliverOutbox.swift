import ECFDomain
import Foundation
import Logging

/// One pass of the outbox worker over every outbox: each due message is carried out, and marked
/// delivered only after its receiver accepted it. A failure reschedules it with backoff, so a mail
/// server that is down delays messages but never loses them.
public struct DeliverOutbox: Sendable {
    public struct Report: Sendable, Equatable {
        public var delivered = 0
        public var retried = 0
        public var failed = 0
        public init() {}
    }

    let directory: any OutboxDirectory
    let mail: any MailTransport
    let handlers: [OutboxMessage.Kind: any OutboxHandler]
    let clock: any Clock
    let policy: RetryPolicy
    let batchSize: Int
    let logger: Logger

    public init(
        directory: any OutboxDirectory, mail: any MailTransport,
        handlers: [OutboxMessage.Kind: any OutboxHandler] = [:], clock: any Clock,
        policy: RetryPolicy = RetryPolicy(), batchSize: Int = 50, logger: Logger
    ) {
        self.directory = directory
        self.mail = mail
        self.handlers = handlers
        self.clock = clock
        self.policy = policy
        self.batchSize = batchSize
        self.logger = logger
    }

    public func callAsFunction() async throws -> Report {
        var report = Report()
        for (location, store) in try await directory.outboxes() {
            let due = try await store.due(at: clock.now, limit: batchSize)
            // Mail goes one by one, each retried on its own.
            for message in due where message.kind == .mail {
                try Task.checkCancellation()
                await deliver(message, from: store, location: location, report: &report)
            }
            // Webhooks too, but all at once: a receiver that is down (each attempt waits up to
            // `WebhookPolicy.deliveryTimeout`) delays the others by one wait, not one wait each.
            let webhooks = due.filter { $0.kind == .webhook }
            await withTaskGroup(of: Report.self) { group in
                for message in webhooks {
                    group.addTask {
                        var one = Report()
                        await deliver(message, from: store, location: location, report: &one)
                        return one
                    }
                }
                for await one in group {
                    report.delivered += one.delivered
                    report.retried += one.retried
                    report.failed += one.failed
                }
            }
            // The locator's and the ledger's messages go together: a burst of filings in one case
            // is read and published once.
            for kind in [OutboxMessage.Kind.locator, .billing] {
                let batch = due.filter { $0.kind == kind }
                guard !batch.isEmpty else { continue }
                try Task.checkCancellation()
                await deliver(batch: batch, of: kind, from: store, location: location, report: &report)
            }
        }
        return report
    }

    private func deliver(
        batch: [OutboxMessage], of kind: OutboxMessage.Kind, from store: any OutboxStore, location: OutboxLocation,
        report: inout Report
    ) async {
        do {
            guard let handler = handlers[kind] else { throw NoOutboxHandler(kind: kind) }
            try await handler.handle(batch: batch, from: location)
        } catch is CancellationError {
            return
        } catch {
            for message in batch {
                await deliver(message, from: store, location: location, report: &report)
            }
            return
        }
        for message in batch {
            do {
                try await store.markDelivered(message.id, at: clock.now, attempts: message.attempts + 1, note: nil)
                report.delivered += 1
                logger.info("outbox message delivered", metadata: ["outbox": "\(location)", "id": "\(message.id)"])
            } catch {
                // Delivered again next pass: every handler's effect can be repeated.
                logger.warning(
                    "outbox message delivered but not marked", metadata: ["id": "\(message.id)", "error": "\(error)"])
            }
        }
    }

    private func deliver(
        _ message: OutboxMessage, from store: any OutboxStore, location: OutboxLocation, report: inout Report
    ) async {
        let attempts = message.attempts + 1
        do {
            var refused: [String] = []
            switch message.kind {
            case .mail:
                refused = try await mail.send(try message.decodedMail())
            case .locator, .billing, .webhook:
                guard let handler = handlers[message.kind] else { throw NoOutboxHandler(kind: message.kind) }
                try await handler.handle(message, from: location)
            }
            try await store.markDelivered(
                message.id, at: clock.now, attempts: attempts,
                note: refused.isEmpty ? nil : "The mail server refused \(refused.joined(separator: ", ")).")
            report.delivered += 1
            logger.info("outbox message delivered", metadata: ["outbox": "\(location)", "id": "\(message.id)"])
        } catch let error as MailTransportError where error.isPermanent && attempts >= policy.permanentFailureLimit {
            try? await store.markFailed(message.id, attempts: attempts, error: error.description)
            report.failed += 1
            logger.error(
                "outbox message refused for good",
                metadata: ["outbox": "\(location)", "id": "\(message.id)", "error": "\(error)"])
        } catch is CancellationError {
            return
        } catch {
            let retryAt = clock.now.addingTimeInterval(policy.delay(afterAttempts: attempts))
            try? await store.reschedule(
                message.id, attempts: attempts, nextAttemptAt: retryAt, error: String(describing: error))
            report.retried += 1
            logger.warning(
                "outbox delivery failed; will retry",
                metadata: [
                    "outbox": "\(location)", "id": "\(message.id)", "attempt": "\(attempts)",
                    "retryAt": "\(retryAt)", "error": "\(error)",
                ])
        }
    }
}
