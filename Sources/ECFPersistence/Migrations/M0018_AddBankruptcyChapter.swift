import FluentKit

/// A bankruptcy case's chapter (7, 11, 12, 13, 15), on the court's cases; empty elsewhere.
struct M0018_AddBankruptcyChapter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases").field("chapter", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cases").deleteField("chapter").update()
    }
}
