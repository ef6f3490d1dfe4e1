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
        for slice in rows.slices(of: rowsPerStatement(columns)) {
            var insert = sql.insert(into: table).columns(columns)
            for row in slice { insert = insert.values(row) }
            if let key { insert = insert.ignoringConflicts(with: key) }
            try await insert.run()
        }
    }

    /// The rows of `columns` one statement takes.
    static func rowsPerStatement(_ columns: [String]) -> Int {
        max(1, parametersPerStatement / columns.count)
    }

    /// `rows` all inserted or none (`Database.allOrNone`: one statement unless there are
    /// thousands).
    static func insertAll(
        into table: String, columns: [String], _ rows: [[any SQLExpression]],
        ignoringConflictsWith key: String? = nil, on database: any Database
    ) async throws {
        let perStatement = rowsPerStatement(columns)
        try await database.allOrNone(statements: (rows.count + perStatement - 1) / perStatement) { sql in
            try await insertRows(into: table, columns: columns, rows, ignoringConflictsWith: key, on: sql)
        }
    }
}
