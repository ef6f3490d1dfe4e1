import ECFDomain
import Foundation
import SQLKit

/// The full-text index of docket text, in each database's own engine: an FTS5 table in SQLite
/// (each row's rowid that of its entry's row), a `tsvector` column with a GIN index in PostgreSQL
/// (keyed by the entry's columns). Both index the text as `PartyNameKeys` normalizes it (lower
/// case, accents removed, letters and digits), and a search's words are normalized the same way,
/// so both engines find the same entries.
struct EntryTextIndex {
    /// The index table.
    let table: String
    /// The table of the entries it indexes.
    let entries: String
    /// The columns that name an entry (`case_id`, `seq`, and `court` for the locator).
    let keys: [String]

    static let court = EntryTextIndex(table: "entry_search", entries: "docket_entries", keys: ["case_id", "seq"])
    static let locator = EntryTextIndex(
        table: "locator_entry_search", entries: "locator_entries", keys: ["court", "case_id", "seq"])

    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    func create(on sql: any SQLDatabase) async throws {
        if Self.isPostgres(sql) {
            let columns = keys.map { $0 == "court" ? "court TEXT NOT NULL" : "\($0) BIGINT NOT NULL" }
            try await sql.raw(
                "CREATE TABLE \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", ")), words TSVECTOR NOT NULL, PRIMARY KEY (\(unsafeRaw: keys.joined(separator: ", "))))"
            ).run()
            try await sql.raw("CREATE INDEX \(unsafeRaw: table)_words ON \(unsafeRaw: table) USING GIN (words)").run()
        } else {
            try await sql.raw("CREATE VIRTUAL TABLE \(unsafeRaw: table) USING fts5(words, tokenize = 'unicode61')")
                .run()
        }
    }

    func drop(on sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE \(unsafeRaw: table)").run()
    }

    /// The entry's row in `entries`, by its key.
    private func entryRow(_ key: [any Encodable & Sendable]) -> SQLQueryString {
        let conditions = zip(keys, key).map { column, value -> SQLQueryString in
            "\(ident: column) = \(bind: value)"
        }
        return "(SELECT rowid FROM \(ident: entries) WHERE \(conditions.joined(separator: " AND ")))"
    }

    /// Indexes an entry's text (its row in `entries` written first); `replacing` removes what was
    /// indexed for it before.
    func put(_ text: String, key: [any Encodable & Sendable], replacing: Bool = false, on sql: any SQLDatabase)
        async throws
    {
        if replacing { try await remove(key: key, on: sql) }
        let words = PartyNameKeys.normalize(text)
        if Self.isPostgres(sql) {
            let columns = (keys + ["words"]).map { SQLIdentifier($0) }
            let values: [any SQLExpression] =
                key.map { SQLBind($0) } + [
                    SQLFunction("to_tsvector", args: SQLLiteral.string("simple"), SQLBind(words))
                ]
            try await sql.insert(into: table).columns(columns).values(values).run()
        } else {
            try await sql.raw(
                "INSERT INTO \(ident: table) (rowid, words) VALUES (\(entryRow(key)), \(bind: words))"
            ).run()
        }
    }

    /// Removes an entry from the index (before its row in `entries` goes).
    func remove(key: [any Encodable & Sendable], on sql: any SQLDatabase) async throws {
        if Self.isPostgres(sql) {
            var delete = sql.delete(from: table)
            for (column, value) in zip(keys, key) {
                delete = delete.where(SQLIdentifier(column), .equal, SQLBind(value))
            }
            try await delete.run()
        } else {
            try await sql.raw("DELETE FROM \(ident: table) WHERE rowid = \(entryRow(key))").run()
        }
    }

    /// Removes every entry of a case from the locator's index (before their rows go).
    func removeCase(court: String, caseID: Int64, on sql: any SQLDatabase) async throws {
        if Self.isPostgres(sql) {
            try await sql.delete(from: table).where("court", .equal, court).where("case_id", .equal, caseID).run()
        } else {
            try await sql.raw(
                "DELETE FROM \(ident: table) WHERE rowid IN (SELECT rowid FROM \(ident: entries) WHERE court = \(bind: court) AND case_id = \(bind: caseID))"
            ).run()
        }
    }

    /// How the index joins its entries (`e`).
    func join(on sql: any SQLDatabase) -> SQLQueryString {
        if Self.isPostgres(sql) {
            let keys = self.keys.map { "\(table).\($0) = e.\($0)" }.joined(separator: " AND ")
            return "\(unsafeRaw: keys)"
        }
        return "e.rowid = \(ident: table).rowid"
    }

    /// The condition that an indexed entry matches every term of the search.
    func matches(_ terms: [[String]], on sql: any SQLDatabase) -> SQLQueryString {
        if Self.isPostgres(sql) {
            return "\(ident: table).words @@ to_tsquery('simple', \(bind: Self.tsquery(terms)))"
        }
        return "\(ident: table) MATCH \(bind: Self.ftsQuery(terms))"
    }

    /// Best first, as an ascending sort key.
    func rank(_ terms: [[String]], on sql: any SQLDatabase) -> SQLQueryString {
        if Self.isPostgres(sql) {
            return "-ts_rank(\(ident: table).words, to_tsquery('simple', \(bind: Self.tsquery(terms))))"
        }
        return "bm25(\(ident: table))"
    }

    /// FTS5: each word a quoted prefix, a phrase its words quoted together (the last a prefix).
    /// Normalized words hold letters and digits only, so nothing in them needs escaping.
    static func ftsQuery(_ terms: [[String]]) -> String {
        terms.map { "\"\($0.joined(separator: " "))\" *" }.joined(separator: " AND ")
    }

    /// PostgreSQL: each word a prefix (`word:*`), a phrase its words in a row (`a <-> b:*`).
    static func tsquery(_ terms: [[String]]) -> String {
        terms.map { words in
            "("
                + words.enumerated().map { $0.offset == words.count - 1 ? "\($0.element):*" : $0.element }
                .joined(separator: " <-> ") + ")"
        }.joined(separator: " & ")
    }
}
