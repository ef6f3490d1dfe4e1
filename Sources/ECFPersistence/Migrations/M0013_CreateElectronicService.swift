import FluentKit
import FluentSQL
import SQLKit

/// Electronic service (court database): each account's notice delivery, the court's daily-summary
/// time, media subscriptions, free-look links, who was served each entry, and the entries waiting
/// for a daily summary.
struct M0013_CreateElectronicService: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("court_accounts")
            .field("notice_delivery", .string, .required, .sql(.default("eachFiling"))).update()
        try await database.schema("court_settings")
            .field("summary_time", .string, .required, .sql(.default("17:00"))).update()
        try await database.schema("subscriptions")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("account_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "case_id", "account_id", name: "subscriptions_unique")
            .create()
        // A magic number is unique per document (eight digits would collide across millions).
        try await database.schema("free_looks")
            .field("magic_num", .string, .required)
            .field("doc_id", .string, .required)
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("account_id", .uuid, .required)
            .field("issued_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("used_from", .string)
            .unique(on: "doc_id", "magic_num", name: "free_looks_document_number")
            .create()
        try await database.schema("service_records")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("account_id", .uuid, .required)
            .field("name", .string, .required)
            .field("addresses", .string, .required)
            .field("delivery", .string, .required)
            .field("outbox_id", .uuid)
            .create()
        try await database.schema("summary_items")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("account_id", .uuid, .required)
            .field("court_day", .string, .required)
            .field("sent_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "service_records_entry").on("service_records").column("case_id")
                .column("seq").run()
            try await sql.create(index: "summary_items_pending").on("summary_items").column("sent_at")
                .column("court_day").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["summary_items", "service_records", "free_looks", "subscriptions"] {
            try await database.schema(table).delete()
        }
        try await database.schema("court_settings").deleteField("summary_time").update()
        try await database.schema("court_accounts").deleteField("notice_delivery").update()
    }
}
