import ECFDomain
import FluentKit
import SQLKit

/// Deletes the delivered messages of the kinds no longer kept once delivered
/// (`OutboxMessage.Kind.isKeptOnceDelivered`: the ledger's and the locator's), which earlier
/// versions kept: a row for each billed view, read by nothing. Every database has an outbox.
struct M0031_ForgetDeliveredInternalMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let forgotten = OutboxMessage.Kind.allCases.filter { !$0.isKeptOnceDelivered }.map(\.rawValue)
        try await (database as! any SQLDatabase).delete(from: OutboxRow.table)
            .where("status", .equal, OutboxMessage.Status.delivered.rawValue)
            .where("kind", .in, forgotten)
            .run()
    }

    /// What was deleted is not brought back.
    func revert(on database: any Database) async throws {}
}
