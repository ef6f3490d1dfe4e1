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
        /// The outboxes that had something delivered: a burst's next pass looks in those again.
        public var deliveredFrom: Set<OutboxLocation> = []
        public init() {}
    }

    let directory: any OutboxDirectory
    let mail: any MailTransport
    let handlers: [OutboxMessage.Kind: any OutboxHandler]
    let clock: any Clock
    let policy: RetryPolicy
    /// The messages a pass takes from each outbox: a filing's notices to 500 attorneys of record
    /// go in one pass, not in passes that each wait for their slowest connection.
    let batchSize: Int
    /// Connections to the mail server used at once.
    let mailConnections: Int
    let logger: Logger

    public init(
        directory: any OutboxDirectory, mail: any MailTransport,
        handlers: [OutboxMessage.Kind: any OutboxHandler] = [:], clock: any Clock,
        policy: RetryPolicy = RetryPolicy(), batchSize: Int = 500, mailConnections: Int = 4, logger: Logger
    ) {
        self.mailConnections = mailConnections
        self.directory = directory
        self.mail = mail
        self.handlers = handlers
        self.clock = clock
        self.policy = policy
        self.batchSize = batchSize
        self.logger = logger
    }

    /// - Parameter only: the outboxes to look in (those that rang); nil for every one.
    public func callAsFunction(only: Set<OutboxLocation>? = nil) async throws -> Report {
        var report = Report()
        for (location, store) in try await directory.outboxes() where only?.contains(location) ?? true {
            let deliveredBefore = report.delivered
            defer { if report.delivered > deliveredBefore { report.deliveredFrom.insert(location) } }
            let due = try await store.due(at: clock.now, limit: batchSize)
            // Mail goes over a few connections at once, each message retried on its own.
            let mails = due.filter { $0.kind == .mail }
            if !mails.isEmpty {
                try Task.checkCancellation()
                await deliver(mails: mails, from: store, location: location, report: &report)
            }
            let webhooks = due.filter { $0.kind == .webhook }
            if !webhooks.isEmpty {
                try Task.checkCancellation()
                await deliver(webhooks: webhooks, from: store, location: location, report: &report)
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
        await settle(batch.map { ($0, .success([])) }, in: store, location: location, report: &report)
    }

    private func deliver(
        _ message: OutboxMessage, from store: any OutboxStore, location: OutboxLocation, report: inout Report
    ) async {
        await record(
            await attempt(message, from: store, location: location), of: message, in: store,
            location: location, report: &report)
    }

    /// Carries out one message, not yet recording what became of it.
    private func attempt(_ message: OutboxMessage, from store: any OutboxStore, location: OutboxLocation) async
        -> Result<[String], any Error>
    {
        do {
            switch message.kind {
            case .mail:
                let assembled = try await MailAssembly.mails(of: [message], from: store)[0].mail.get()
                return .success(try await mail.send(assembled))
            case .locator, .billing, .webhook:
                guard let handler = handlers[message.kind] else { throw NoOutboxHandler(kind: message.kind) }
                try await handler.handle(message, from: location)
                return .success([])
            }
        } catch {
            return .failure(error)
        }
    }

    /// Webhook deliveries, every webhook's at the same time: a receiver that is down (each attempt
    /// waits up to `WebhookPolicy.deliveryTimeout`) delays the others by one wait, not by one wait
    /// a delivery. Of one webhook's, the oldest `WebhookPolicy.deliveriesAtOnce` go at once, and
    /// the rest stay due for the next pass; when one of them fails, the rest are not tried but
    /// wait as long as the failed one, so a receiver that is down gets a few at each retry.
    private func deliver(
        webhooks messages: [OutboxMessage], from store: any OutboxStore, location: OutboxLocation,
        report: inout Report
    ) async {
        // In the order they were queued, each webhook's own (a payload that cannot be read goes
        // alone, and fails in its delivery).
        let queues = Dictionary(grouping: messages) {
            (try? $0.decodedWebhookDelivery().webhook.description) ?? $0.id.description
        }
        let reports = await withTaskGroup(of: Report.self) { group in
            for queue in queues.values {
                group.addTask { await deliver(toOneWebhook: queue, from: store, location: location) }
            }
            return await group.reduce(into: [Report]()) { $0.append($1) }
        }
        for one in reports {
            report.delivered += one.delivered
            report.retried += one.retried
            report.failed += one.failed
        }
    }

    private func deliver(toOneWebhook queue: [OutboxMessage], from store: any OutboxStore, location: OutboxLocation)
        async -> Report
    {
        var report = Report()
        let now = queue.prefix(WebhookPolicy.deliveriesAtOnce)
        let outcomes = await withTaskGroup(of: (OutboxMessage, Result<[String], any Error>).self) { group in
            for message in now {
                group.addTask { (message, await attempt(message, from: store, location: location)) }
            }
            return await group.reduce(into: [(OutboxMessage, Result<[String], any Error>)]()) { $0.append($1) }
        }
        await settle(outcomes, in: store, location: location, report: &report)
        let failed = outcomes.compactMap { message, outcome -> (attempts: Int, error: any Error)? in
            guard case .failure(let error) = outcome, !(error is CancellationError) else { return nil }
            return (message.attempts + 1, error)
        }
        if let longest = failed.max(by: { $0.attempts < $1.attempts }) {
            let retryAt = clock.now.addingTimeInterval(policy.delay(afterAttempts: longest.attempts))
            for message in queue.dropFirst(now.count) {
                try? await store.reschedule(
                    message.id, attempts: message.attempts, nextAttemptAt: retryAt,
                    error: "Not tried: another delivery to this webhook failed (\(longest.error)).")
                report.retried += 1
            }
        }
        return report
    }

    /// Mail over `mailConnections` connections at once, each carrying its share of the messages
    /// in turn (`shares(of:among:)`).
    private func deliver(
        mails messages: [OutboxMessage], from store: any OutboxStore, location: OutboxLocation, report: inout Report
    ) async {
        var outcomes: [(OutboxMessage, Result<[String], any Error>)] = []
        var assembled: [(OutboxMessage, OutgoingMail)] = []
        for (message, mail) in await MailAssembly.mails(of: messages, from: store) {
            switch mail {
            case .success(let mail): assembled.append((message, mail))
            case .failure(let error): outcomes.append((message, .failure(error)))
            }
        }
        let shares = Self.shares(of: assembled, among: mailConnections)
        outcomes += await withTaskGroup(of: [(OutboxMessage, Result<[String], any Error>)].self) { group in
            for share in shares {
                group.addTask {
                    let sent = await mail.send(all: share.map(\.1))
                    return zip(share.map(\.0), sent).map { ($0, $1) }
                }
            }
            var all: [(OutboxMessage, Result<[String], any Error>)] = []
            for await share in group { all += share }
            return all
        }
        await settle(outcomes, in: store, location: location, report: &report)
    }

    /// Records what became of messages: the delivered marked together (one transaction), or
    /// deleted together when their kind is not kept once delivered, and, should that fail, each
    /// on its own with every other outcome.
    private func settle(
        _ outcomes: [(OutboxMessage, Result<[String], any Error>)], in store: any OutboxStore,
        location: OutboxLocation, report: inout Report
    ) async {
        var kept: [OutboxDelivery] = []
        var forgotten: [OutboxMessageID] = []
        for (message, outcome) in outcomes {
            guard case .success(let refused) = outcome else { continue }
            if message.kind.isKeptOnceDelivered {
                kept.append(
                    OutboxDelivery(id: message.id, attempts: message.attempts + 1, note: Self.note(refused: refused)))
            } else {
                forgotten.append(message.id)
            }
        }
        var settled = Set<OutboxMessageID>()
        if !kept.isEmpty, (try? await store.markDelivered(kept, at: clock.now)) != nil {
            settled.formUnion(kept.map(\.id))
        }
        if !forgotten.isEmpty, (try? await store.forget(forgotten)) != nil {
            settled.formUnion(forgotten)
        }
        if !settled.isEmpty {
            report.delivered += settled.count
            logger.info("outbox messages delivered", metadata: ["outbox": "\(location)", "count": "\(settled.count)"])
        }
        for (message, outcome) in outcomes where !settled.contains(message.id) {
            await record(outcome, of: message, in: store, location: location, report: &report)
        }
    }

    /// A pass's mail split among at most `lanes` connections, each share sent in order. A
    /// person's mail (by its first recipient) all goes on one connection, so it arrives in the
    /// order it was queued (a one-time password before the notice that follows it); each person
    /// new to the pass goes on the connection with the fewest bytes so far, so a filing's notices
    /// keep every connection busy until the pass's last. (The pass ends when every share is
    /// sent, so the next pass's mail never overtakes this one's.)
    static func shares<Message>(of mails: [(Message, OutgoingMail)], among lanes: Int) -> [[(Message, OutgoingMail)]] {
        let count = max(1, min(lanes, mails.count))
        var shares = [[(Message, OutgoingMail)]](repeating: [], count: count)
        var bytes = [Int](repeating: 0, count: count)
        var laneOfPerson: [String: Int] = [:]
        for (message, mail) in mails {
            let person = mail.recipients.first?.address.lowercased() ?? ""
            let lane =
                laneOfPerson[person] ?? bytes.indices.min { bytes[$0] < bytes[$1] } ?? 0
            laneOfPerson[person] = lane
            shares[lane].append((message, mail))
            bytes[lane] += mail.textBody.utf8.count + (mail.htmlBody?.utf8.count ?? 0)
        }
        return shares.filter { !$0.isEmpty }
    }

    /// What a mail server's partial refusal leaves on the message.
    static func note(refused: [String]) -> String? {
        refused.isEmpty ? nil : "The mail server refused \(refused.joined(separator: ", "))."
    }

    /// Marks a message delivered (with the addresses its mail server refused; deleted, when its
    /// kind is not kept), refused for good, or due again after a backoff; a cancelled attempt is
    /// left as it was.
    private func record(
        _ outcome: Result<[String], any Error>, of message: OutboxMessage, in store: any OutboxStore,
        location: OutboxLocation, report: inout Report
    ) async {
        let attempts = message.attempts + 1
        switch outcome {
        case .success(let refused):
            do {
                if message.kind.isKeptOnceDelivered {
                    try await store.markDelivered(
                        message.id, at: clock.now, attempts: attempts, note: Self.note(refused: refused))
                } else {
                    try await store.forget([message.id])
                }
                report.delivered += 1
                logger.info("outbox message delivered", metadata: ["outbox": "\(location)", "id": "\(message.id)"])
            } catch {
                await record(.failure(error), of: message, in: store, location: location, report: &report)
            }
        case .failure(let error as MailTransportError)
        where error.isPermanent && attempts >= policy.permanentFailureLimit:
            try? await store.markFailed(message.id, attempts: attempts, error: error.description)
            report.failed += 1
            logger.error(
                "outbox message refused for good",
                metadata: ["outbox": "\(location)", "id": "\(message.id)", "error": "\(error)"])
        case .failure(is CancellationError):
            return
        case .failure(let error):
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
