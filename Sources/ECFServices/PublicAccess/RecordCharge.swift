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
}
