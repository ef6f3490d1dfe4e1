import ECFDomain
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import ECFPersistence

/// The query planner's statistics follow the tables' growth: gathered over a small outbox, they
/// made an update of a pass's delivered messages read the whole outbox once it had grown.
@Suite("SQLite's planner statistics")
struct PlannerStatisticsTests {
    @Test func statisticsGatheredOverASmallOutboxAreRefreshedOnceItHasGrown() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let key = DatabaseKey.court(CourtID("nysd"))
        let sql = try await databases.sql(key)
        func insert(_ count: Int) async throws {
            try await (sql as! any Database).transaction { transaction in
                let store = SQLOutboxStore(database: transaction)
                for index in 0..<count {
                    let message = OutboxMessage(
                        id: OutboxMessageID(UUID()), kind: .billing, payload: Data("\(index)".utf8),
                        createdAt: Date(timeIntervalSince1970: 1_800_000_000), nextAttemptAt: .distantFuture)
                    try await store.enqueue(message)
                }
            }
        }
        struct Step: Decodable { let detail: String }
        func planOfMarkingDelivered() async throws -> String {
            let ids = (1...50).map { "?\($0 + 4)" }.joined(separator: ", ")
            return try await sql.raw(
                "EXPLAIN QUERY PLAN UPDATE outbox SET status = ?1, attempts = ?2, delivered_at = ?3, last_error = ?4 WHERE id IN (\(unsafeRaw: ids))"
            ).all(decoding: Step.self).map(\.detail).joined(separator: "; ")
        }
        try await insert(9)
        try await sql.raw("ANALYZE").run()
        try await insert(3_000)
        #expect(try await planOfMarkingDelivered().contains("SCAN outbox"), "the stale statistics mislead")
        #expect(try await databases.refreshStatistics() >= 1)
        let plan = try await planOfMarkingDelivered()
        #expect(plan.contains("SEARCH outbox USING INDEX"), "\(plan)")
        await databases.shutdown()
    }
}
