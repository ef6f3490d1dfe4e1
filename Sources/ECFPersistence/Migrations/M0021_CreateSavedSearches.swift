import FluentKit
import SQLKit

/// Saved searches and their alerts (PSC database).
struct M0021_CreateSavedSearches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("saved_searches")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("query", .string, .required)
            .field("frequency", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_checked_at", .datetime, .required)
            .field("next_check_at", .datetime, .required)
            .field("notified", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "saved_searches_account").on("saved_searches").column("account_id").run()
            try await sql.create(index: "saved_searches_due").on("saved_searches").column("next_check_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("saved_searches").delete()
    }
}
