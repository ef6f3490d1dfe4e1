import FluentKit
import SQLKit

/// The national search of docket text at the PSC: each court's public entries as it last reported
/// them, and their full-text index (`EntryTextIndex.locator`).
struct M0017_CreateLocatorEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locator_entries")
            .field("court", .string, .required)
            .field("case_id", .int, .required)
            .field("seq", .int, .required)
            .field("number", .int)
            .field("date_filed", .datetime, .required)
            .field("day_filed", .string, .required)
            .field("text", .string, .required)
            .field("restriction", .string, .required)
            .unique(on: "court", "case_id", "seq", name: "locator_entries_entry")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await EntryTextIndex.locator.create(on: sql)
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await EntryTextIndex.locator.drop(on: sql) }
        try await database.schema("locator_entries").delete()
    }
}
