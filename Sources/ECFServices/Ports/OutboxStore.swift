import ECFDomain
import Foundation

/// Where an outbox lives: the PSC's database or one court's.
public enum OutboxLocation: Hashable, Sendable, CustomStringConvertible {
    case psc
    case court(CourtID)

    public var description: String {
        switch self {
        case .psc: "psc"
        case .court(let id): id.rawValue
        }
    }
}

/// The outbox of one database. Messages are added by the use case that causes them, inside its
/// own transaction; the worker reads and settles them here.
public protocol OutboxStore: Sendable {
    /// Adds a message on its own (for messages with no other change to go with).
    func enqueue(_ message: OutboxMessage) async throws
    /// The stored bodies of `ids` that messages share (`OutgoingMail.sharedBody`), by id; an id
    /// with no body stored is left out.
    func sharedBodies(_ ids: Set<SharedMailBodyID>) async throws -> [SharedMailBodyID: SharedMailBody]
    /// Pending messages due at `instant`, oldest first.
    func due(at instant: Date, limit: Int) async throws -> [OutboxMessage]
    /// `note`: what the receiver said of a partial delivery (addresses it refused), kept as the
    /// message's last error.
    func markDelivered(_ id: OutboxMessageID, at instant: Date, attempts: Int, note: String?) async throws
    /// Marks many delivered at once (one transaction where the store has them): all or none.
    func markDelivered(_ deliveries: [OutboxDelivery], at instant: Date) async throws
    /// Deletes delivered messages of a kind not kept once delivered (`Kind.isKeptOnceDelivered`):
    /// all or none.
    func forget(_ ids: [OutboxMessageID]) async throws
    func reschedule(_ id: OutboxMessageID, attempts: Int, nextAttemptAt: Date, error: String) async throws
    func markFailed(_ id: OutboxMessageID, attempts: Int, error: String) async throws
    /// Messages not yet delivered (pending), for the metrics.
    func backlog() async throws -> Int
}

/// A message delivered: after how many attempts, and what its receiver said of it.
public struct OutboxDelivery: Sendable {
    public let id: OutboxMessageID
    public let attempts: Int
    public let note: String?

    public init(id: OutboxMessageID, attempts: Int, note: String?) {
        self.id = id
        self.attempts = attempts
        self.note = note
    }
}

extension OutboxStore {
    /// One by one.
    public func markDelivered(_ deliveries: [OutboxDelivery], at instant: Date) async throws {
        for delivery in deliveries {
            try await markDelivered(delivery.id, at: instant, attempts: delivery.attempts, note: delivery.note)
        }
    }
}

/// Every outbox this process delivers: the PSC's and each enabled court's.
public protocol OutboxDirectory: Sendable {
    func outboxes() async throws -> [(location: OutboxLocation, store: any OutboxStore)]
}
