import FluentKit

/// The clerk's quality control: when an entry's text was modified or the entry struck, and every
/// earlier text of an entry (court database).
struct M0009_AddQualityControl: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("docket_entries").field("modified_at", .datetime).update()
        try await database.schema("docket_entries").field("stricken_at", .datetime).update()
        try await database.schema("docket_text_history")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("text", .string, .required)
            .field("replaced_at", .datetime, .required)
            .field("replaced_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("docket_text_history").delete()
        try await database.schema("docket_entries").deleteField("stricken_at").update()
        try await database.schema("docket_entries").deleteField("modified_at").update()
    }
}
