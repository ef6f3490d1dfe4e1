import ECFDomain

/// Carries out an outbox message that is not a mail (the locator's and the billing ledger's),
/// given the outbox it came from. Throwing leaves the message for a later attempt.
public protocol OutboxHandler: Sendable {
    func handle(_ message: OutboxMessage, from location: OutboxLocation) async throws
    /// Carries out several due messages of one outbox at once (all or none: throwing leaves every
    /// one of them for a later attempt). By default, one after the other.
    func handle(batch messages: [OutboxMessage], from location: OutboxLocation) async throws
}

extension OutboxHandler {
    public func handle(batch messages: [OutboxMessage], from location: OutboxLocation) async throws {
        for message in messages { try await handle(message, from: location) }
    }
}

/// A message whose kind this process has no handler for: kept for a process that has one.
struct NoOutboxHandler: Error, CustomStringConvertible {
    let kind: OutboxMessage.Kind
    var description: String { "No handler for \(kind.rawValue) messages in this process." }
}
