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
/// FTS5 writes the words it holds as a new segment at every commit, whenever they pass its
/// `hashsize` (1 MiB), and at the start of every statement of a transaction that writes it; it
/// merges segments four at a time as they come, so each word is rewritten once for every level of
/// segments above it. Inserted a batch at a time, 16,000 rows a statement, the index was thousands
/// of small segments many levels deep at full scale, and four fifths of the generator's time
/// was FTS5 merging them (BENCHMARKS.md, "Generation"). Written in pieces of `flushBytes` with a
/// hash larger than a piece, the index holds a few large segments, two or three levels deep, with
/// FTS5's default merging all along; `optimize` then leaves it one segment above every level.
///
/// The entries' rows are written with their batch, and a piece's words are read back from them
/// (`PartyNameKeys.normalize` as an SQL function) in one statement, which makes the piece one
/// segment (FTS5's savepoint method writes out what it holds at each statement). A run stopped
/// part way leaves up to a piece of entries unsearchable by their words (their cases and parties
/// are found). PostgreSQL's GIN index has no segments: its words are written with their batch.
/// Entries the server writes to the locator meanwhile are indexed by the server: only the
/// batches' own rows wait here.
public final class LocatorTextBacklog: Sendable {
    /// The rows of `locator_entries` waiting, as the runs of rowids the batches wrote (one run
    /// unless something else wrote entries to the locator meanwhile), and their words' bytes.
    private struct Pending {
        var rows: [ClosedRange<Int64>] = []
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

    /// - Parameter flushBytes: 256 MiB by default (at most about 1 GB of the generator's memory
    ///   with FTS5's hash of a piece).
    public init(flushBytes: Int = 256 << 20) {
        self.flushBytes = flushBytes
    }

    /// Counts a batch's rows in; whether a piece is ready to be indexed.
    func add(_ rows: ClosedRange<Int64>, bytes: Int) -> Bool {
        pending.withLock { pending in
            if let last = pending.rows.last, last.upperBound + 1 == rows.lowerBound {
                pending.rows[pending.rows.count - 1] = last.lowerBound...rows.upperBound
            } else {
                pending.rows.append(rows)
            }
            pending.bytes += bytes
            return pending.bytes >= flushBytes
        }
    }

    /// Indexes the words of every row waiting, in one transaction and one statement (in rowid
    /// order, or FTS5 writes a segment there too).
    func flush(to database: any Database) async throws {
        let runs = pending.withLock { pending in
            defer { pending = Pending() }
            return pending.rows
        }
        guard !runs.isEmpty else { return }
        let index = EntryTextIndex.locator
        let waiting = SQLList(
            runs.map { SQLQueryString("rowid BETWEEN \(bind: $0.lowerBound) AND \(bind: $0.upperBound)") },
            separator: SQLRaw(" OR "))
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
                WHERE \(waiting) ORDER BY rowid
                """
            ).run()
        }
    }

    /// Merges the locator's index into one segment on a level above all the others, as FTS5's
    /// `'optimize'` does, but `pagesAStep` pages of it a transaction (FTS5's `'merge'`: a
    /// negative budget starts merging every segment into one, a positive one goes on with it,
    /// and a step that changes fewer than two rows found nothing left to do).
    ///
    /// Left a few huge segments on low levels, the index was within reach of the server's
    /// writes: FTS5 merges 16 segments of a level at once when they gather (`crisismerge`), and
    /// on to the next level while that one has 16 too, so after a few thousand of the server's
    /// small writes a cascade can rewrite the huge segments in a single transaction (most likely
    /// what held the PSC's connection for about a minute in a full-scale run; read from FTS5's
    /// code and the index's structure, not caught in the act). On a copy of that index,
    /// `'optimize'` took 33 s, and 6,000 single-entry writes then took 0.7 s in all (3,000 took
    /// 6.6 s, the slowest 1.15 s, without it). In the generator at full scale, the end (the last
    /// piece, one `'optimize'` of the 1.6 GB index in one transaction, `ANALYZE`) took about 19
    /// of its 39 minutes, most of it deleting the merged segments' pages, with the transaction's
    /// log past 1.6 GB (the end took 36 s at 300,000 cases). A step a transaction keeps the log
    /// near a step's pages: the end then took about 160 s at full scale (1,295.6 s in all).
    static func optimize(on database: any Database, pagesAStep: Int = 16_384) async throws {
        guard !EntryTextIndex.isPostgres(database as! any SQLDatabase) else { return }
        let table = EntryTextIndex.locator.table
        struct Changes: Decodable { let value: Int }
        var step = -pagesAStep
        while true {
            let budget = step
            let changed = try await database.transaction { transaction in
                let sql = transaction as! any SQLDatabase
                func total() async throws -> Int {
                    try await sql.raw("SELECT total_changes() AS value").first(decoding: Changes.self)?.value ?? 0
                }
                let before = try await total()
                try await sql.raw(
                    "INSERT INTO \(ident: table) (\(ident: table), rank) VALUES ('merge', \(bind: budget))"
                )
                .run()
                return try await total() - before
            }
            if changed < 2 { return }
            step = pagesAStep
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
