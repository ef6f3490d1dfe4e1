import FluentKit
import SQLKit

/// The PSC's national case locator (each court's cases as it last reported them, with their
/// party-name keys) and the PACER billing ledger (one row per billable view, whatever court).
struct M0015_CreateLocatorAndBilling: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locator_cases")
            .field("court", .string, .required)
            .field("case_id", .int, .required)
            .field("number", .string, .required)
            .field("number_base", .string, .required)
            .field("title", .string, .required)
            .field("nature_of_suit", .int)
            .field("date_filed", .string, .required)
            .field("date_terminated", .string)
            .field("restriction", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "court", "case_id", name: "locator_cases_case")
            .create()
        try await database.schema("locator_keys")
            .field("court", .string, .required)
            .field("case_id", .int, .required)
            .field("key", .string, .required)
            .create()
        try await database.schema("billing_charges")
            .field("view_key", .string, .identifier(auto: false))
            .field("account_id", .uuid, .required)
            .field("court", .string, .required)
            .field("quarter", .string, .required)
            .field("viewed_at", .datetime, .required)
            .field("description", .string, .required)
            .field("criteria", .string, .required)
            .field("username", .string, .required)
            .field("pages", .int, .required)
            .field("cents", .int, .required)
            .field("client_code", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "locator_keys_key").on("locator_keys").column("key").run()
        try await sql.create(index: "locator_keys_case").on("locator_keys").column("court").column("case_id").run()
        try await sql.create(index: "locator_cases_date_filed").on("locator_cases").column("date_filed").run()
        try await sql.create(index: "billing_charges_quarter").on("billing_charges").column("account_id")
            .column("quarter").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["billing_charges", "locator_keys", "locator_cases"] {
            try await database.schema(table).delete()
        }
    }
}
