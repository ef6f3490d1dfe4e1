import FluentKit
import SQLKit

/// The page caches and write-ahead logs the generator writes through. The server keeps SQLite's
/// caches small (94 courts' connections live in one process, under P7's memory goal in
/// BENCHMARKS.md); a bulk write with them reads its indexes' pages back from the operating
/// system at every insert and spills what it changed before it commits. And SQLite copies the
/// log into the file every 1,000 pages, which a batch of 500 cases passes at each commit, so the
/// pages every batch changes (the indexes' upper levels) were copied at every commit. While the
/// generator writes a court, that court's connection has a cache of `courtKiB`, and the PSC's
/// `locatorKiB` for the whole run, each with a log copied every `logPages`; each is set back to
/// the server's settings (and its log emptied) when the generator is done with it, which frees
/// the pages. PostgreSQL sizes its own buffers: nothing to do there.
extension BulkDocketWriter {
    /// A court's cache while it is written, in KiB as `PRAGMA cache_size` takes it: 64 MiB, about
    /// what its indexes' upper levels and a batch's changed pages need at full scale.
    static let courtKiB = -65_536
    /// The PSC's cache while the locator is written: 256 MiB (its file grows to 11 GB at full
    /// scale, most of it the locator's name keys, entries and full-text index, where every court's
    /// batches land).
    static let locatorKiB = -262_144
    /// Pages of log between two copies into the file while the generator writes (64 MiB);
    /// SQLite's own 1,000 otherwise, as the server has it.
    static let logPages = 16_384
    static let serverLogPages = 1_000

    /// Gives the PSC's connection the generator's settings, and the locator's full-text index the
    /// hash a `LocatorTextBacklog` writes with; `finishLocator` gives the server's back.
    public static func startLocator(_ databases: ECFDatabases) async throws {
        let psc = try await databases.psc()
        try await useBulkSettings(cache: locatorKiB, on: psc)
        try await LocatorTextBacklog.setHash(bytes: LocatorTextBacklog.bulkHashBytes, on: psc)
    }

    /// Indexes the words still in `backlog` and merges the locator's full-text index into one
    /// segment above every level (`LocatorTextBacklog.optimize`), refreshes the planner's
    /// statistics of the national locator (once, after the last court: its tables are shared by
    /// every court) and gives the PSC's connection and the locator's index the server's settings
    /// back.
    public static func finishLocator(_ databases: ECFDatabases, backlog: LocatorTextBacklog? = nil) async throws {
        let psc = try await databases.psc()
        try await backlog?.flush(to: psc)
        try await LocatorTextBacklog.optimize(on: psc)
        try await LocatorTextBacklog.setHash(bytes: LocatorTextBacklog.serverHashBytes, on: psc)
        try await (psc as! any SQLDatabase).raw("ANALYZE").run()
        try await useServerSettings(of: .psc, on: psc)
    }

    func useBulkSettings() async throws {
        try await Self.useBulkSettings(cache: Self.courtKiB, on: courtDatabase)
    }

    func useServerSettings() async throws {
        try await Self.useServerSettings(of: .court(court), on: courtDatabase)
    }

    /// A cache of `kibibytes` and a log copied into the file every `logPages`.
    static func useBulkSettings(cache kibibytes: Int, on database: any Database) async throws {
        try await pragmas(["cache_size=\(kibibytes)", "wal_autocheckpoint=\(logPages)"], on: database)
    }

    /// The server's cache for `key` and SQLite's log size, with the log copied into the file and
    /// emptied (a court done early would keep up to 64 MiB of log on disk otherwise).
    static func useServerSettings(of key: DatabaseKey, on database: any Database) async throws {
        try await pragmas(
            [
                "cache_size=\(ECFDatabases.pageCacheKiB(key))", "wal_autocheckpoint=\(serverLogPages)",
                "wal_checkpoint(TRUNCATE)",
            ], on: database)
    }

    static func pragmas(_ pragmas: [String], on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard !EntryTextIndex.isPostgres(sql) else { return }
        for pragma in pragmas { try await sql.raw("PRAGMA \(unsafeRaw: pragma)").run() }
    }
}
