import FluentKit

/// The idempotency keys of filings: the same key again returns the first entry (court database).
struct M0010_CreateFilingKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("filing_keys")
            .field("key", .string, .identifier(auto: false))
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("filing_keys").delete()
    }
}
