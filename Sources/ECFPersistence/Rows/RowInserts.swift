import FluentKit
import SQLKit

/// Many rows inserted in as few statements as the engines allow: the generator's bulk writes, a
/// group of billed views, a pass's charges in the ledger.
enum RowInserts {
    /// Both engines take 32,766 parameters a statement at least (SQLite since 3.32).
    static let parametersPerStatement = 32_000

    /// `rows`, each with a value for every one of `columns`; with `ignoringConflictsWith`, a row
    /// whose key is already there is left out (`ON CONFLICT DO NOTHING`).
    static func insertRows(
        into table: String, columns: [String], _ rows: [[any SQLExpression]],
        ignoringConflictsWith key: String? = nil, on sql: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, parametersPerStatement / columns.count)
        for slice in rows.slices(of: perStatement) {
            var insert = sql.insert(into: table).columns(columns)
            for row in slice { insert = insert.values(row) }
            if let key { insert = insert.ignoringConflicts(with: key) }
            try await insert.run()
        }
    }

    /// `rows` all inserted or none: in one statement when they fit in one (a statement is atomic
    /// by itself, and a transaction's `BEGIN` and `COMMIT` are two more statements, each a round
    /// trip to the connection's thread or server), else in a transaction.
    static func insertAll(
        into table: String, columns: [String], _ rows: [[any SQLExpression]],
        ignoringConflictsWith key: String? = nil, on database: any Database
    ) async throws {
        if rows.count <= max(1, parametersPerStatement / columns.count) {
            try await insertRows(
                into: table, columns: columns, rows, ignoringConflictsWith: key, on: database as! any SQLDatabase)
            return
        }
        try await database.transaction { transaction in
            try await insertRows(
                into: table, columns: columns, rows, ignoringConflictsWith: key,
                on: transaction as! any SQLDatabase)
        }
    }
}
