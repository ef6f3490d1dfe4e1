import FluentKit
import SQLKit

/// Docket webhooks (court database).
struct M0020_CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("webhooks")
            .id()
            .field("owner_account_id", .uuid, .required)
            .field("case_id", .int64)
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .field("consecutive_failures", .int, .required)
            .field("last_delivered_at", .datetime)
            .field("last_failure", .string)
            .field("disabled_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "webhooks_owner").on("webhooks").column("owner_account_id").run()
            try await sql.create(index: "webhooks_case").on("webhooks").column("case_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhooks").delete()
    }
}
