import ECFDomain

/// Delivers a court's `billing` outbox message to the PSC's ledger.
public struct RecordCharge: OutboxHandler {
    let feed: any BillingFeed

    public init(feed: any BillingFeed) {
        self.feed = feed
    }

    public func handle(_ message: OutboxMessage, from location: OutboxLocation) async throws {
        try await feed.record(try message.decodedCharge())
    }

    /// A pass's billed views together (a busy court queues one per docket report): one write to
    /// the ledger, not one commit each. Should it fail, the worker delivers them one by one.
    public func handle(batch messages: [OutboxMessage], from location: OutboxLocation) async throws {
        try await feed.record(try messages.map { try $0.decodedCharge() })
    }
}
