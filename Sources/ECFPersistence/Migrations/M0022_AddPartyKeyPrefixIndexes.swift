import FluentKit
import SQLKit

/// PostgreSQL compares text by the database's collation, whose order is no good for a prefix: a
/// `text_pattern_ops` index serves `key LIKE 'prefix%'` (party-name search; BENCHMARKS.md P3).
/// SQLite's keys are searched by a byte range on their index as it is.
struct M0022_AddPartyKeyPrefixIndexes: AsyncMigration {
    let table: String

    var name: String { "M0022_AddPartyKeyPrefixIndexes_\(table)" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, EntryTextIndex.isPostgres(sql) else { return }
        try await sql.raw("CREATE INDEX \(unsafeRaw: table)_prefix ON \(unsafeRaw: table) (key text_pattern_ops)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, EntryTextIndex.isPostgres(sql) else { return }
        try await sql.raw("DROP INDEX \(unsafeRaw: table)_prefix").run()
    }
}
