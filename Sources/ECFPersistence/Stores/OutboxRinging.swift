import ECFServices
import FluentKit
import Synchronization

/// Whether the transaction in progress queued outbox messages: set by `SQLOutboxStore.enqueue`,
/// read once it has committed (the worker must not look before then: it would not see them).
final class QueuedMessages: Sendable {
    @TaskLocal static var current: QueuedMessages?

    private let queued = Mutex(false)

    var any: Bool { queued.withLock { $0 } }

    func mark() { queued.withLock { $0 = true } }
}

extension Database {
    /// A transaction that rings the doorbell of the outbox at `location` (nil when it is not
    /// known: the worker then looks in every outbox) once it has committed, if it queued messages.
    func transactionRingingOutbox<T: Sendable>(
        at location: OutboxLocation?, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let queued = QueuedMessages()
        // Set inside the transaction's closure: FluentKit runs it in a task of its own, started
        // from the connection pool's callback, which does not inherit the caller's task-locals
        // (set around the call, every enqueue rang at once, before its commit, for every outbox).
        let result = try await transaction { database in
            try await QueuedMessages.$current.withValue(queued) { try await body(database) }
        }
        if queued.any { OutboxDoorbell.shared.ring(location) }
        return result
    }
}
