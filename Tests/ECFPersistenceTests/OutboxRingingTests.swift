import ECFDomain
import ECFServices
import FluentKit
import Foundation
import Testing

@testable import ECFPersistence

/// A message queued inside a transaction rings the outbox's doorbell once the transaction has
/// committed, and says which outbox: the transaction's body must see where to mark it, even
/// though FluentKit runs the body in a task of its own.
@Suite("The outbox's doorbell rung by a transaction")
struct OutboxRingingTests {
    @Test(arguments: TestStorage.available)
    func aTransactionsBodyMarksWhatItQueues(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let court = try await databases.court(CourtID("nysd"))
        let marked = try await court.transactionRingingOutbox(at: .court(CourtID("nysd"))) { transaction in
            let message = OutboxMessage(
                id: OutboxMessageID(UUID()), kind: .billing, payload: Data("{}".utf8),
                createdAt: Date(timeIntervalSince1970: 1_800_000_000), nextAttemptAt: .distantFuture)
            try await SQLOutboxStore(database: transaction).enqueue(message)
            return QueuedMessages.current?.any
        }
        #expect(marked == true, "the enqueue inside the body was marked for the ring after the commit")
        await databases.shutdown()
    }
}
