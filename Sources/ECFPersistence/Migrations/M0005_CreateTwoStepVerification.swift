import FluentKit
import SQLKit

/// Authenticator apps and backup codes for two-step sign-in (PSC database).
struct M0005_CreateTwoStepVerification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("authenticators")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("name", .string, .required)
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("last_used_step", .int64)
            .create()
        try await database.schema("backup_codes")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "authenticators_account").on("authenticators").column("account_id").run()
            try await sql.create(index: "backup_codes_account").on("backup_codes").column("account_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("backup_codes").delete()
        try await database.schema("authenticators").delete()
    }
}
