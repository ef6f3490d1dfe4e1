import FluentKit
import FluentSQL

/// Each case's docket revision, on the court's cases: a number that every change to the case's
/// entries or documents raises in the change's own transaction, so that a rendered docket can be
/// kept and known to be current in every process that reads the database (BENCHMARKS.md P1).
/// A constant default adds the column without rewriting the table, on SQLite and PostgreSQL alike.
struct M0023_AddDocketRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .field("docket_revision", .int64, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cases").deleteField("docket_revision").update()
    }
}
