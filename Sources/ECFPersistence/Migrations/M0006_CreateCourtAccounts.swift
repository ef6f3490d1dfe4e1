import FluentKit
import SQLKit

/// A court's CM/ECF logins, their sessions and reset links, the cutover plan and its one-time
/// notice marks, the audit log and e-file registrations (court database).
struct M0006_CreateCourtAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("court_accounts")
            .id()
            .field("login", .string, .required)
            .field("login_canonical", .string, .required)
            .field("password_hash", .string)
            .field("role", .string, .required)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("email", .string, .required)
            .field("email_canonical", .string, .required)
            .field("secondary_emails", .string, .required)
            .field("bar_number", .string)
            .field("bar_state", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("must_change_password", .bool, .required)
            .field("locked_until", .datetime)
            .field("failed_sign_ins", .int, .required)
            .field("last_failed_sign_in_at", .datetime)
            .field("linked_account", .uuid)
            .field("linked_at", .datetime)
            .unique(on: "login_canonical", name: "court_accounts_login_unique")
            // One court login per PACER account per court, enforced by the database too.
            .unique(on: "linked_account", name: "court_accounts_linked_unique")
            .create()
        try await database.schema("court_account_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("court_accounts", "id"))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash", name: "court_account_tokens_hash_unique")
            .create()
        try await database.schema("court_sessions")
            .id()
            .field("account_id", .uuid, .required, .references("court_accounts", "id"))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ended_at", .datetime)
            .unique(on: "token_hash", name: "court_sessions_hash_unique")
            .create()
        try await database.schema("cutover_plans")
            .field("id", .int, .identifier(auto: false))
            .field("next_gen_at", .datetime)
            .field("blackouts", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("cutover_notices")
            .field("next_gen_at", .string, .identifier(auto: false))
            .field("sent_at", .datetime, .required)
            .create()
        try await database.schema("court_audit_log")
            .id()
            .field("at", .datetime, .required)
            .field("action", .string, .required)
            .field("actor", .string, .required)
            .field("court_account_id", .uuid)
            .field("pacer_account_id", .uuid)
            .field("detail", .string, .required)
            .create()
        try await database.schema("efile_registrations")
            .id()
            .field("pacer_account_id", .uuid, .required)
            .field("username", .string, .required)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("bar_number", .string)
            .field("bar_state", .string)
            .field("requested_at", .datetime, .required)
            .field("status", .string, .required)
            .field("decided_at", .datetime)
            .field("reason", .string)
            .field("court_account_id", .uuid)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "court_accounts_email").on("court_accounts").column("email_canonical").run()
            try await sql.create(index: "court_sessions_account").on("court_sessions").column("account_id").run()
            try await sql.create(index: "court_audit_log_at").on("court_audit_log").column("at").run()
            try await sql.create(index: "efile_registrations_status").on("efile_registrations").column("status")
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "efile_registrations", "court_audit_log", "cutover_notices", "cutover_plans", "court_sessions",
            "court_account_tokens", "court_accounts",
        ] {
            try await database.schema(table).delete()
        }
    }
}
