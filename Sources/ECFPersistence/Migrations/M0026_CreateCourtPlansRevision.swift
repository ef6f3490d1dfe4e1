import FluentKit
import SQLKit

/// One row in the PSC's database saying where the courts' cutover plans stand: a revision every
/// plan change raises before its court's transaction and again after it, and until when a change
/// may still be under way. A listing of the courts keeps their plans (each read from its court's
/// own database) while the revision stays the same and no change is under way (`CourtPlansCache`).
struct M0026_CreateCourtPlansRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("court_plans_revision")
            .field("id", .int, .identifier(auto: false))
            .field("revision", .int64, .required)
            .field("changing_until", .datetime)
            .create()
        try await (database as! any SQLDatabase).insert(into: "court_plans_revision")
            .columns("id", "revision").values(SQLBind(1), SQLBind(Int64(0))).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("court_plans_revision").delete()
    }
}
