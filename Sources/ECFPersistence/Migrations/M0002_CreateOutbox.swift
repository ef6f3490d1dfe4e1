import FluentKit
import SQLKit

/// The outbox; every database (the PSC's and each court's) has one.
struct M0002_CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .id()
            .field("kind", .string, .required)
            .field("payload", .data, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .field("last_error", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "outbox_due").on("outbox").column("status").column("next_attempt_at")
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
    }
}
