import FluentKit
import FluentSQL
import SQLKit

/// Each locator key carries its case's date filed, in an index of key, date, court and case: a
/// party search takes its newest cases from the index alone (a page of them, after a cursor, in
/// a date range, in a court) and reads only those cases, where it read every case the name's
/// keys point to and sorted them (BENCHMARKS.md P3: a name of 4,000 keys took 36 ms at a million
/// cases). The new index begins with the key, so it serves the key lookups the old one did.
///
/// The cases' date index gains their court and number, the order every search returns them in:
/// a broad name searched from the newest case down stops after a page instead of reading every
/// case of each date it reaches to sort them (thousands a day at a million cases).
struct M0024_AddLocatorKeyDates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locator_keys")
            .field("date_filed", .string, .required, .sql(.default(""))).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            UPDATE locator_keys SET date_filed = COALESCE((SELECT c.date_filed FROM locator_cases c \
            WHERE c.court = locator_keys.court AND c.case_id = locator_keys.case_id), '')
            """
        ).run()
        // Keys of a case the locator no longer holds would be found by no search (the column may
        // not be null: they are marked empty first).
        try await sql.raw("DELETE FROM locator_keys WHERE date_filed = ''").run()
        let key: SQLQueryString = EntryTextIndex.isPostgres(sql) ? "key text_pattern_ops" : "key"
        try await sql.raw("CREATE INDEX locator_keys_key_date ON locator_keys (\(key), date_filed, court, case_id)")
            .run()
        try await sql.raw("DROP INDEX locator_keys_key").run()
        if EntryTextIndex.isPostgres(sql) { try await sql.raw("DROP INDEX locator_keys_prefix").run() }
        try await sql.raw("DROP INDEX locator_cases_date_filed").run()
        try await sql.raw("CREATE INDEX locator_cases_date_filed ON locator_cases (date_filed, court, case_id)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX locator_cases_date_filed").run()
        try await sql.raw("CREATE INDEX locator_cases_date_filed ON locator_cases (date_filed)").run()
        try await sql.raw("DROP INDEX locator_keys_key_date").run()
        try await sql.raw("CREATE INDEX locator_keys_key ON locator_keys (key)").run()
        if EntryTextIndex.isPostgres(sql) {
            try await sql.raw("CREATE INDEX locator_keys_prefix ON locator_keys (key text_pattern_ops)").run()
        }
        try await database.schema("locator_keys").deleteField("date_filed").update()
    }
}
