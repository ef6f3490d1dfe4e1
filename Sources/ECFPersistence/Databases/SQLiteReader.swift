import Foundation
import NIOCore
import SQLiteNIO
import Synchronization
// SQLiteNIO's own copy of SQLite, reached through SQLiteNIO's dependency (it is not a product of
// its own). A second copy of SQLite in the process would not know the first's POSIX locks on a
// file, and closing a file in one would drop the other's locks.
import VaporCSQLite

/// One read-only connection to a SQLite file that keeps the statements it runs prepared.
/// SQLiteNIO prepares every statement anew (parsing and planning it: 6% of a docket report's CPU)
/// and hands each row back to the event loop on its own; a request's dozen reads (BENCHMARKS.md
/// P1) are the same dozen statements each time. A statement runs with the connection to itself,
/// every row of its answer read at once, and is reset at once, so the connection never holds a
/// snapshot between statements: a reader sees every commit made before its statement began, as
/// the writer's own connection does. Statements that only read.
///
/// Statements run on the calling task's thread: a point read took 4–9 µs so, and 40–68 µs when
/// handed to a thread of NIO's pool and back (an idle server's threads asleep, each handoff
/// waking one). At full scale the locator's searches and the mixed load were faster so too,
/// searches included (BENCHMARKS.md, the thirteenth round): the pool has one thread a core, as
/// the tasks' executor does, so a read that waits for the disk held one thread either way.
final class SQLiteReader: Sendable {
    /// Prepared statements kept at most unless told: a read with a variable list (an `IN` of so
    /// many ids, a locator search over so many keys) is a statement of its own.
    static let statementsAtMost = 128

    private let connection: Mutex<Connection>

    /// Opens `path` read-only (the file must exist) with a page cache of `pageCacheKiB` (as
    /// `PRAGMA cache_size` takes it, negative), keeping at most `statementsAtMost` statements,
    /// none with more than `bindsOfAKeptStatement` values (a statement with a list of values, an
    /// `IN` of so many ids, is of a shape that seldom comes back: it is prepared for its one use).
    /// A reader waits for a lock (the log being recovered by a connection that just opened the
    /// file) with SQLite's busy timeout, asleep, at most five seconds.
    init(
        path: String, pageCacheKiB: Int, statementsAtMost: Int = SQLiteReader.statementsAtMost,
        bindsOfAKeptStatement: Int = .max
    ) throws {
        var handle: OpaquePointer?
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(handle)
            throw SQLiteReaderError(code: opened, message: message)
        }
        let connection = Connection(
            handle: handle, statementsAtMost: statementsAtMost, bindsOfAKeptStatement: bindsOfAKeptStatement)
        sqlite_nio_sqlite3_busy_timeout(handle, 5_000)
        try connection.execute("PRAGMA cache_size=\(pageCacheKiB)")
        self.connection = Mutex(connection)
    }

    /// The rows `sql` gives with `binds`, read on the caller's thread.
    func rows(_ sql: String, _ binds: [SQLiteData]) throws -> SQLiteReadRows {
        try connection.withLock { try $0.rows(sql, binds) }
    }

    /// How many statements are kept prepared (for tests).
    var preparedCount: Int { connection.withLock { $0.statements.count } }

    /// How many times statements were prepared, and prepared again by SQLite before a run (for
    /// tests).
    var preparations: (prepared: Int, preparedAgain: Int) {
        connection.withLock { connection in
            (
                connection.preparations,
                connection.statements.values.reduce(0) {
                    $0 + Int(sqlite_nio_sqlite3_stmt_status($1.statement, SQLITE_STMTSTATUS_REPREPARE, 0))
                }
            )
        }
    }

    /// Finalizes the statements and closes the file; a later read fails.
    func close() {
        connection.withLock { $0.close() }
    }
}

/// An error SQLite gave a reader, with its message.
struct SQLiteReaderError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// The answer to a statement: its columns' names, shared by its rows, and each row's values.
struct SQLiteReadRows: Sendable {
    let columns: SQLiteReadColumns
    let values: [[SQLiteData]]
}

/// A statement's column names and where each is in a row.
final class SQLiteReadColumns: Sendable {
    let names: [String]
    /// Where each name first is, for a statement of more columns than are compared in turn
    /// (empty otherwise: not made at each preparation for nothing).
    private let offsets: [String: Int]

    init(names: [String]) {
        self.names = names
        var offsets: [String: Int] = [:]
        if names.count > Self.comparedInTurn {
            for (offset, name) in names.enumerated() where offsets[name] == nil { offsets[name] = offset }
        }
        self.offsets = offsets
    }

    /// Where `column` is in a row (its first occurrence), or nil. A few names are compared in
    /// turn: a short name compares as two machine words, where the dictionary hashed the name
    /// first (hashing was about 1.5% of a random docket report's samples, its rows decoded
    /// column by column); a statement of many columns is looked up in the dictionary.
    func offset(of column: String) -> Int? {
        names.count <= Self.comparedInTurn ? names.firstIndex(of: column) : offsets[column]
    }

    static let comparedInTurn = 24
}

/// The SQLite connection and its prepared statements; used under the reader's lock only.
private final class Connection {
    private var handle: OpaquePointer?
    private(set) var statements: [String: Kept] = [:]
    /// How often each statement let go (or never kept) ran lately, so that one run more and more
    /// is kept when it has run as often as the least run of those kept.
    private var letGo: [String: UInt32] = [:]
    /// Counts the statements run, so that each kept one knows when it was last used.
    private var runs: UInt64 = 0
    private(set) var preparations = 0
    /// Every so many runs the counts of runs are halved, so that statements no longer run make
    /// room for those run now.
    static let agingRuns: UInt64 = 4_096

    struct Kept {
        let statement: OpaquePointer
        let columns: SQLiteReadColumns
        var lastRun: UInt64
        /// How often it ran lately (see `agingRuns`).
        var uses: UInt32
    }
    private let statementsAtMost: Int
    private let bindsOfAKeptStatement: Int

    init(handle: OpaquePointer, statementsAtMost: Int, bindsOfAKeptStatement: Int) {
        self.handle = handle
        self.statementsAtMost = max(1, statementsAtMost)
        self.bindsOfAKeptStatement = bindsOfAKeptStatement
    }

    deinit { close() }

    func close() {
        for kept in statements.values { sqlite_nio_sqlite3_finalize(kept.statement) }
        statements = [:]
        sqlite_nio_sqlite3_close_v2(handle)
        handle = nil
    }

    func execute(_ sql: String) throws {
        try check(sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil))
    }

    func rows(_ sql: String, _ binds: [SQLiteData]) throws -> SQLiteReadRows {
        let (statement, columns, kept) = try prepared(sql, keep: binds.count <= bindsOfAKeptStatement)
        // Reset (or finalized) at once, whatever happens: a statement left mid-way would hold its
        // snapshot. Its values are left bound until the next run binds its own: clearing them
        // (`sqlite3_clear_bindings`) marks a statement whose plan may depend on a value (`x = ?`
        // may compare a 0 or 1, SQLite's "truth" estimate) to be prepared again at its next run,
        // which was every docket report's parties and court enabling (BENCHMARKS.md P1).
        defer {
            if kept {
                sqlite_nio_sqlite3_reset(statement)
            } else {
                sqlite_nio_sqlite3_finalize(statement)
            }
        }
        if Int(sqlite_nio_sqlite3_bind_parameter_count(statement)) != binds.count {
            // Values the run does not give are NULL, not the last run's.
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            try check(Self.bind(value, at: Int32(index + 1), to: statement))
        }
        var values: [[SQLiteData]] = []
        while true {
            let stepped = sqlite_nio_sqlite3_step(statement)
            if stepped == SQLITE_DONE { break }
            guard stepped == SQLITE_ROW else {
                try check(stepped)
                break
            }
            values.append((0..<Int32(columns.names.count)).map { Self.value(at: $0, of: statement) })
        }
        return SQLiteReadRows(columns: columns, values: values)
    }

    /// The statement prepared for `sql`, kept for the next time if `keep`. When there is no room,
    /// the kept one run least often lately (of those run as often, the one run longest ago) is let
    /// go, unless this one has run less often still: a request's statements, run every time, stay
    /// among others run once. Letting go the one used longest ago instead let a request's own go
    /// whenever more statements came round than were kept: under the mixed load a court's reader
    /// ran about twenty in turn, kept ten, and prepared a statement at most of its runs
    /// (BENCHMARKS.md P4). `kept` says whether it is kept (a statement kept is reset after its
    /// use, never finalized).
    private func prepared(_ sql: String, keep: Bool) throws -> (
        statement: OpaquePointer, columns: SQLiteReadColumns, kept: Bool
    ) {
        runs += 1
        if runs % Self.agingRuns == 0 { age() }
        if let index = statements.index(forKey: sql) {
            statements.values[index].lastRun = runs
            statements.values[index].uses &+= 1
            let kept = statements.values[index]
            return (kept.statement, kept.columns, true)
        }
        guard let handle else { throw SQLiteReaderError(code: SQLITE_MISUSE, message: "the reader is closed") }
        preparations += 1
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil))
        guard let statement else { throw SQLiteReaderError(code: SQLITE_MISUSE, message: "an empty statement") }
        let names = (0..<sqlite_nio_sqlite3_column_count(statement)).map { column in
            sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
        let columns = SQLiteReadColumns(names: names)
        guard keep else { return (statement, columns, false) }
        let uses = (letGo.removeValue(forKey: sql) ?? 0) &+ 1
        if statements.count >= statementsAtMost,
            let least = statements.min(by: { ($0.value.uses, $0.value.lastRun) < ($1.value.uses, $1.value.lastRun) })
        {
            if uses < least.value.uses {
                remember(sql, uses)
                return (statement, columns, false)
            }
            statements.removeValue(forKey: least.key)
            sqlite_nio_sqlite3_finalize(least.value.statement)
            remember(least.key, least.value.uses)
        }
        statements[sql] = Kept(statement: statement, columns: columns, lastRun: runs, uses: uses)
        return (statement, columns, true)
    }

    /// Keeps how often a statement not kept ran, within a few times as many as are kept (past
    /// that, those run once are forgotten first, then all).
    private func remember(_ sql: String, _ uses: UInt32) {
        if letGo.count >= 4 * statementsAtMost {
            letGo = letGo.filter { $0.value > 1 }
            if letGo.count >= 4 * statementsAtMost { letGo = [:] }
        }
        letGo[sql] = uses
    }

    /// Halves every count of runs; a statement let go whose count reaches nothing is forgotten.
    private func age() {
        for index in statements.indices { statements.values[index].uses /= 2 }
        letGo = letGo.compactMapValues { $0 / 2 == 0 ? nil : $0 / 2 }
    }

    private static func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let value): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
        case .float(let value): sqlite_nio_sqlite3_bind_double(statement, index, value)
        case .text(let value):
            sqlite_nio_sqlite3_bind_text64(
                statement, index, value, UInt64(value.utf8.count), transient, UInt8(SQLITE_UTF8))
        case .blob(let value):
            value.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
            }
        case .null: sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    /// SQLite copies a bound text or blob (its `SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func value(at column: Int32, of statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func check(_ code: Int32) throws {
        guard code != SQLITE_OK else { return }
        let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "the reader is closed"
        throw SQLiteReaderError(code: code, message: message)
    }
}
