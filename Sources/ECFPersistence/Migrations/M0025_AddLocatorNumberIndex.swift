import FluentKit
import SQLKit

/// The national locator's cases indexed by their number's year and sequence (`2:26-cv-00001` →
/// `2600001`): a number searched without its office or type (`26-1`) is a `LIKE` pattern that
/// begins with a wildcard, which no index of the whole number serves, and read every case (113 ms
/// at a million cases). The year and sequence narrow it to the few cases that share them.
struct M0025_AddLocatorNumberIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "CREATE INDEX locator_cases_year_sequence ON locator_cases ((\(Self.yearAndSequence(on: sql))))"
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX locator_cases_year_sequence").run()
    }

    /// The indexed expression, which a query must write the same way for the index to serve it.
    static func yearAndSequence(on sql: any SQLDatabase) -> SQLQueryString {
        EntryTextIndex.isPostgres(sql)
            ? "left(right(number_base, 11), 2) || right(number_base, 5)"
            : "substr(number_base, -11, 2) || substr(number_base, -5)"
    }
}
