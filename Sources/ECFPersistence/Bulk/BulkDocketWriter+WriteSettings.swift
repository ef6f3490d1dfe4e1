import FluentKit
import SQLKit

/// How SQLite writes while the generator fills it, and back to the server's settings after.
///
/// - Page caches. The server keeps them small (94 courts' connections live in one process, under
///   P7's memory goal in BENCHMARKS.md); a bulk write with them reads its indexes' pages back
///   from the operating system at every insert and spills what it changed before it commits.
/// - The log. SQLite copies it into the file every 1,000 pages, which a batch of 500 cases
///   passes at each commit, so the pages every batch changes (the indexes' upper levels) were
///   copied at every commit.
/// - The full-text indexes' merging. FTS5 writes each transaction's words as a new segment and
///   merges segments four at a time as they come (`automerge`), so at full scale every batch
///   went on merging the locator's gigabytes of older segments: four fifths of the generator's
///   time was FTS5 deleting merged segments' pages, read back one by one. While the generator
///   writes, segments are merged only when 64 wait at a level (`crisismerge`): each word is
///   rewritten about twice instead of five or six times.
///
/// A court's connection gets `courtKiB` while the generator writes it, the PSC's `locatorKiB` for
/// the whole run; each gets the server's settings back when the generator is done with it, which
/// frees the pages and empties the log, and the index merges as FTS5 does by default again.
/// PostgreSQL sizes its own buffers and indexes words in GIN: nothing to do there.
extension BulkDocketWriter {
    /// A court's cache while it is written, in KiB as `PRAGMA cache_size` takes it: 64 MiB, about
    /// what its indexes' upper levels and a batch's changed pages need at full scale.
    static let courtKiB = -65_536
    /// The PSC's cache while the locator is written: 256 MiB (its name keys and full-text index
    /// grow to 11 GB at full scale; every court's batches land in them).
    static let locatorKiB = -262_144

    /// How a connection writes: its page cache, the pages of log between two copies into the
    /// file, and its full-text index's merging (FTS5's `automerge` and `crisismerge`).
    struct WriteSettings {
        let cacheKiB: Int
        let logPages: Int
        let automerge: Int
        let crisismerge: Int

        /// The generator's: a log copied every 64 MiB, segments merged 64 at a time.
        static func bulk(cacheKiB: Int) -> WriteSettings {
            WriteSettings(cacheKiB: cacheKiB, logPages: 16_384, automerge: 0, crisismerge: 64)
        }

        /// The server's: SQLite's and FTS5's defaults, with the server's cache for the database.
        static func server(_ key: DatabaseKey) -> WriteSettings {
            WriteSettings(cacheKiB: ECFDatabases.pageCacheKiB(key), logPages: 1_000, automerge: 4, crisismerge: 16)
        }

        var isServers: Bool { logPages == 1_000 }
    }

    /// Gives the PSC's connection the generator's settings; `finishLocator` gives its own back.
    public static func startLocator(_ databases: ECFDatabases) async throws {
        try await use(.bulk(cacheKiB: locatorKiB), index: .locator, on: databases.psc())
    }

    /// Refreshes the planner's statistics of the national locator (once, after the last court:
    /// its tables are shared by every court) and gives the PSC's connection its own settings back.
    public static func finishLocator(_ databases: ECFDatabases) async throws {
        let psc = try await databases.psc()
        try await (psc as! any SQLDatabase).raw("ANALYZE").run()
        try await use(.server(.psc), index: .locator, on: psc)
    }

    func useBulkSettings() async throws {
        try await Self.use(.bulk(cacheKiB: Self.courtKiB), index: .court, on: courtDatabase)
    }

    func useServerSettings() async throws {
        try await Self.use(.server(.court(court)), index: .court, on: courtDatabase)
    }

    /// Sets a connection's cache, log and index merging (the last is kept in the file, FTS5's
    /// configuration table); back at the server's, the log is copied into the file and emptied (a
    /// court done early would keep up to 64 MiB of log on disk otherwise).
    static func use(_ settings: WriteSettings, index: EntryTextIndex, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard !EntryTextIndex.isPostgres(sql) else { return }
        try await sql.raw("PRAGMA cache_size=\(unsafeRaw: String(settings.cacheKiB))").run()
        try await sql.raw("PRAGMA wal_autocheckpoint=\(unsafeRaw: String(settings.logPages))").run()
        for (name, value) in [("automerge", settings.automerge), ("crisismerge", settings.crisismerge)] {
            try await sql.raw(
                "INSERT INTO \(unsafeRaw: index.table) (\(unsafeRaw: index.table), rank) VALUES (\(bind: name), \(bind: value))"
            ).run()
        }
        if settings.isServers { try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
    }
}
