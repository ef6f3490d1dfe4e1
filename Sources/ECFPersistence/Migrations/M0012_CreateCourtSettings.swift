import FluentKit

/// The court's document settings, one row (court database).
struct M0012_CreateCourtSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("court_settings")
            .field("id", .int, .identifier(auto: false))
            .field("max_file_bytes", .int, .required)
            .field("scanned_pdfs", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("court_settings").delete()
    }
}
