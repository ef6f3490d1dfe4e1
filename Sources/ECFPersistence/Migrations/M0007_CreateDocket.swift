import FluentKit
import SQLKit

/// A court's cases, their number sequences, docket entries and documents (court database).
struct M0007_CreateDocket: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .field("id", .int, .identifier(auto: true))
            .field("number", .string, .required)
            .field("number_base", .string, .required)
            .field("title", .string, .required)
            .field("nature_of_suit", .int)
            .field("cause", .string, .required)
            .field("jurisdiction", .string, .required)
            .field("jury_demand", .string, .required)
            .field("demand", .string, .required)
            .field("date_filed", .string, .required)
            .field("date_terminated", .string)
            .field("restriction", .string, .required)
            .field("last_seq", .int, .required)
            .field("last_number", .int, .required)
            .unique(on: "number_base", name: "cases_number_unique")
            .create()
        try await database.schema("case_sequences")
            .field("key", .string, .identifier(auto: false))
            .field("last", .int, .required)
            .create()
        try await database.schema("court_counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int, .required)
            .create()
        try await database.schema("docket_entries")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("number", .int)
            .field("date_filed", .datetime, .required)
            .field("date_entered", .datetime, .required)
            .field("text", .string, .required)
            .field("event_id", .string, .required)
            .field("filed_by", .uuid)
            .field("restriction", .string, .required)
            .unique(on: "case_id", "seq", name: "docket_entries_seq_unique")
            // Gap-free numbers are also never duplicated: the database says so too.
            .unique(on: "case_id", "number", name: "docket_entries_number_unique")
            .create()
        try await database.schema("documents")
            .field("doc_id", .string, .identifier(auto: false))
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("entry_seq", .int, .required)
            .field("attachment", .int, .required)
            .field("description", .string, .required)
            .field("original_file_name", .string, .required)
            .field("pages", .int, .required)
            .field("bytes", .int, .required)
            .field("sha256", .string, .required)
            .field("restriction", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "documents_entry").on("documents").column("case_id").column("entry_seq").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["documents", "docket_entries", "court_counters", "case_sequences", "cases"] {
            try await database.schema(table).delete()
        }
    }
}
