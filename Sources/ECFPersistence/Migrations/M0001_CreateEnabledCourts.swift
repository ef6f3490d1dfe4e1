import FluentKit

struct M0001_CreateEnabledCourts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enabled_courts")
            .field("court_id", .string, .identifier(auto: false))
            .field("enabled_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enabled_courts").delete()
    }
}
