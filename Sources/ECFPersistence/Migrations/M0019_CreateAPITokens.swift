import FluentKit
import SQLKit

/// Personal API tokens (PSC database): only the secret's hash is kept.
struct M0019_CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("name", .string, .required)
            .field("scopes", .string, .required)
            .field("token_hash", .string, .required)
            .field("hint", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "api_tokens_account").on("api_tokens").column("account_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
