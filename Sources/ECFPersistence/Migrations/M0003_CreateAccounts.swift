import FluentKit
import SQLKit

/// PACER accounts, their mailed tokens and their Central Sign-On sessions (PSC database).
struct M0003_CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .id()
            .field("username", .string, .required)
            .field("username_canonical", .string, .required)
            .field("password_hash", .string, .required)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("email", .string, .required)
            .field("email_canonical", .string, .required)
            .field("email_verified_at", .datetime)
            .field("date_of_birth", .string)
            .field("street", .string)
            .field("city", .string)
            .field("state", .string)
            .field("postal_code", .string)
            .field("county", .string)
            .field("user_type", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("upgraded_at", .datetime)
            .field("locked_until", .datetime)
            .field("must_change_password", .bool, .required)
            .field("failed_sign_ins", .int, .required)
            .field("last_failed_sign_in_at", .datetime)
            .unique(on: "username_canonical", name: "accounts_username_unique")
            .create()
        try await database.schema("account_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash", name: "account_tokens_hash_unique")
            .create()
        try await database.schema("sign_in_sessions")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ended_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "accounts_email").on("accounts").column("email_canonical").run()
            try await sql.create(index: "accounts_person").on("accounts").column("last_name").column("date_of_birth")
                .run()
            try await sql.create(index: "sign_in_sessions_account").on("sign_in_sessions").column("account_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_sessions").delete()
        try await database.schema("account_tokens").delete()
        try await database.schema("accounts").delete()
    }
}
