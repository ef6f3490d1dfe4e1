import ECFDomain
import FluentKit
import SQLKit
import SQLiteNIO
import Synchronization

/// The locator's entries that the generator has written but whose words it has not yet indexed: on
/// SQLite, the national locator's full-text index (FTS5, the words of every court's public
/// entries, 20 million at full scale) is written a few hundred megabytes at a time instead of a
/// batch at a time.
///
/// FTS5 writes the words of each transaction (or of each megabyte of them, its `hashsize`) as a
/// new segment and merges segments four at a time as they come, so each word is rewritten once
/// for every level of segments above it. A batch a transaction made thousands of small segments,
/// six levels of them at full scale, and four fifths of the generator's time was FTS5 merging
/// them (BENCHMARKS.md, "Generation"). Written in pieces of `flushBytes` with a hash as large,
/// the index holds a few dozen large segments, merged two or three levels deep, with FTS5's
/// default merging all along: the server's first write finds the index as it would any other.
///
/// The entries' rows are written with their batch, and a piece's words are read back from them
/// (`PartyNameKeys.normalize` as an SQL function), in one statement: FTS5 writes what it holds as
/// a segment at the start of each statement of a transaction that writes it (its savepoint
/// method), so a piece inserted many rows a statement would be many segments again. A run stopped
/// part way leaves up to a piece of entries unsearchable by their words (their cases and parties
/// are found). PostgreSQL's GIN index has no segments: its words are written with their batch.
public final class LocatorTextBacklog: Sendable {
    /// The rows of `locator_entries` waiting (all those written since the last piece: the
    /// locator's writes take turns and each goes through here) and their words' bytes.
    private struct Pending {
        var rows: ClosedRange<Int64>?
        var bytes = 0
    }

    /// How many bytes of words are indexed at a time.
    public let flushBytes: Int
    private let pending = Mutex(Pending())

    /// FTS5's in-memory hash while the generator writes: above a piece's words, so that a piece is
    /// one segment.
    static let bulkHashBytes = 1 << 30
    /// FTS5's own (1 MiB), which the server writes with.
    static let serverHashBytes = 1 << 20
    /// The SQL function that gives an entry's text as the full-text indexes hold it.
    static let wordsFunction = "openecf_indexed_words"

    /// - Parameter flushBytes: 256 MiB by default: about twenty pieces at full scale.
    public init(flushBytes: Int = 256 << 20) {
        self.flushBytes = flushBytes
    }

    /// Counts a batch's rows in; whether a piece is ready to be indexed.
    func add(_ rows: ClosedRange<Int64>, bytes: Int) -> Bool {
        pending.withLock { pending in
            pending.rows = min(pending.rows?.lowerBound ?? rows.lowerBound, rows.lowerBound)...rows.upperBound
            pending.bytes += bytes
            return pending.bytes >= flushBytes
        }
    }

    /// Indexes the words of every row waiting, in one transaction and one statement (in rowid
    /// order, or FTS5 writes a segment there too).
    func flush(to database: any Database) async throws {
        let rows = pending.withLock { pending in
            defer { pending = Pending() }
            return pending.rows
        }
        guard let rows else { return }
        let index = EntryTextIndex.locator
        try await database.transaction { transaction in
            try await (transaction as! any SQLiteDatabase).withConnection { connection in
                try await connection.install(
                    customFunction: SQLiteCustomFunction(Self.wordsFunction, argumentCount: 1, pure: true) { values in
                        PartyNameKeys.normalize(values.first?.string ?? "")
                    })
            }
            try await (transaction as! any SQLDatabase).raw(
                """
                INSERT INTO \(ident: index.table) (rowid, words)
                SELECT rowid, \(ident: Self.wordsFunction)(text) FROM \(ident: index.entries)
                WHERE rowid BETWEEN \(bind: rows.lowerBound) AND \(bind: rows.upperBound) ORDER BY rowid
                """
            ).run()
        }
    }

    /// FTS5's hash size for the locator's index (kept in the index's configuration table).
    static func setHash(bytes: Int, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard !EntryTextIndex.isPostgres(sql) else { return }
        let table = EntryTextIndex.locator.table
        try await sql.raw("INSERT INTO \(ident: table) (\(ident: table), rank) VALUES ('hashsize', \(bind: bytes))")
            .run()
    }
}
