import ECFDomain
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import Synchronization

/// The databases of this process: the PSC's and one per enabled court, each created and migrated
/// on first use. FluentKit's `Databases`, wired without Vapor.
public final class ECFDatabases: Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    private let prepared = Mutex<Set<DatabaseKey>>([])
    private let sqliteLoops = Mutex<[DatabaseKey: any EventLoop]>([:])
    /// Each SQLite file's handle, made once (its connection's event loop never changes), and
    /// whether the databases were shut down. FluentKit makes a handle at each call (its
    /// configuration looked up under a lock, a driver context made), and a request makes a store,
    /// and so a handle, for each of its dozen reads: 1.4% of a docket report's CPU (BENCHMARKS.md
    /// P1). PostgreSQL's are made each time, each on any of the loops.
    private let sqliteHandles = Mutex<(handles: [DatabaseKey: any Database], closed: Bool)>(([:], false))
    /// The readers with prepared statements opened so far (SQLite only): each file's for its reads
    /// (`reads(_:)`) and the PSC's for the locator's searches (`pscReaders()`).
    private let readers = Mutex<[Readers: [SQLiteReads]]>([:])
    private enum Readers: Hashable {
        case reads(DatabaseKey)
        case searches
    }
    /// At most this many read-only connections to the PSC's file for searches, one per core: each
    /// has a page cache of its own.
    static let pscReadersAtMost = 4
    /// SQLite's page cache of each court's writing connection, in KiB (as `PRAGMA cache_size`
    /// takes it, negative): 32 KiB. Each court is its own file with its own connections and
    /// caches; with 94 courts in use, the default 2 MB each held 175–216 MB under P4's mix at full
    /// scale, 512 KiB each 146–156 MB, 256 KiB 123 MB at the same rate (P7 in BENCHMARKS.md). Since
    /// the reads outside transactions go through the court's reader (`reads(_:)`), the writer
    /// reads little: 64 KiB instead of 256 took 16 MB off the mix's highest, 32 KiB a few more.
    /// The pages stay in the operating system's cache, a read away, and a docket's rows are kept
    /// rendered (`DocketRowsCache`).
    static let courtPageCacheKiB = -32
    /// The page cache of each court's reader, in KiB: 64 KiB (under the mix a reader held about
    /// 50 KiB of pages).
    static let courtReaderPageCacheKiB = -64
    /// Statements a court's reader keeps prepared: about those of a docket report (under the mix a
    /// reader kept 14–17, about 8 KB each, some of them lists of so many accounts: 94 courts' kept
    /// statements were 12 MB, and the mix's highest went over its goal). The ten run most lately
    /// are kept, others prepared again when they come back; a statement with more values than
    /// `courtReaderBindsOfAKeptStatement` is not kept (`SQLiteReader`).
    static let courtReaderStatementsAtMost = 10
    /// Values of a statement a court's reader keeps at most: one with more holds a list (the
    /// attorneys' accounts by id), whose shape seldom comes back.
    static let courtReaderBindsOfAKeptStatement = 8
    /// The page cache of the PSC's writing connection, in KiB: 1 MiB, half SQLite's default. It
    /// writes accounts, sessions, bills and the outbox, and publishes to the locator; every
    /// request's reads (`reads(_:)`) and the locator's searches, which walk the indexes of 7
    /// million party keys at full scale, go through the PSC's readers.
    static let pscPageCacheKiB = -1_024
    /// The page cache of the PSC's reader for every request's session, account and court, in KiB:
    /// 512 KiB (small tables).
    static let pscReadsPageCacheKiB = -512
    /// The page cache of each of the PSC's search readers, in KiB: 3 MiB. With one connection for
    /// everything, 8 MiB took locator searches from 166–182 to 188–199 a second at full scale
    /// (with 2 MB, reading pages back from the operating system was a fifth of a search's time).
    /// With two readers, 4 MiB each gave the same rate as 8 MiB each (282–305 searches a second
    /// against 259–324) for 10 MB less memory, and 3 MiB the same as 4 (the courts' readers
    /// wanted the room under the mix's memory goal).
    static let pscReaderPageCacheKiB = -3_072
    /// The writing connection's page cache.
    static func pageCacheKiB(_ key: DatabaseKey) -> Int {
        if case .court = key { courtPageCacheKiB } else { pscPageCacheKiB }
    }
    /// `PRAGMA synchronous`: FULL syncs the write-ahead log at every commit (a commit survives a
    /// power loss); NORMAL only at checkpoints (it survives a crash of the process).
    let sqliteCommitsToDisk: Bool

    public init(
        location: DatabaseLocation, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        threadPool: NIOThreadPool = .singleton, sqliteCommitsToDisk: Bool = true
    ) {
        self.sqliteCommitsToDisk = sqliteCommitsToDisk
        self.location = location
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.databases = Databases(threadPool: threadPool, on: eventLoopGroup)
    }

    /// Checks, before anything is created, that the storage can be used: the PostgreSQL server
    /// answers, or the SQLite directory can be written.
    public func checkStorage() async throws {
        switch location {
        case .postgres(let server):
            try await PostgresAdmin(server: server, logger: logger).withMaintenanceConnection { _ in }
        case .sqlite(let directory):
            try DirectoryCheck.ensureWritable(directory, setting: "--data-dir")
        }
    }

    /// The PSC database, created and migrated if needed.
    public func psc() async throws -> any Database {
        try await database(.psc)
    }

    /// The PSC's database for statements that only read and may see it as of its last commit
    /// (the locator's searches), one handle per connection for the caller to take turns with. On
    /// SQLite, read-only connections to the PSC's file with prepared statements (`SQLiteReader`),
    /// one per core (at most `pscReadersAtMost`): in WAL mode a reader never waits for the writer,
    /// so searches go on while the PSC's one connection commits bills and sessions, and two
    /// searches run at once, each on its caller's thread. On PostgreSQL, the PSC's own pool.
    public func pscReaders() async throws -> [any SQLDatabase] {
        if let kept = readers.withLock({ $0[.searches] }) { return kept }
        let psc = try await psc()
        guard case .sqlite(let directory) = location else { return [psc as! any SQLDatabase] }
        return try readers(.searches) {
            let file = directory.appendingPathComponent("\(DatabaseKey.psc.storageName).sqlite").path
            let count = min(Self.pscReadersAtMost, max(1, ProcessInfo.processInfo.activeProcessorCount))
            return try (0..<count).map { _ in
                SQLiteReads(
                    reader: try SQLiteReader(
                        path: file, pageCacheKiB: Self.pscReaderPageCacheKiB),
                    logger: logger, eventLoop: eventLoopGroup.next())
            }
        }
    }

    /// A database for statements that only read, each seeing every commit made before it began
    /// (the store's reads outside transactions). On SQLite, a read-only connection of its own that
    /// keeps its statements prepared (`SQLiteReader`): the reads of every request are the same
    /// dozen statements, which SQLiteNIO parses and plans anew each time, and they no longer wait
    /// for the file's one writing connection. Its statements run on the calling task's thread
    /// (see `SQLiteReader`). On PostgreSQL, the database's own pool.
    public func reads(_ key: DatabaseKey) async throws -> any SQLDatabase {
        if let kept = readers.withLock({ $0[.reads(key)] }) { return kept[0] }
        let database = try await database(key)
        guard case .sqlite(let directory) = location else { return database as! any SQLDatabase }
        return try readers(.reads(key)) {
            let file = directory.appendingPathComponent("\(key.storageName).sqlite").path
            let reader =
                if case .court = key {
                    try SQLiteReader(
                        path: file, pageCacheKiB: Self.courtReaderPageCacheKiB,
                        statementsAtMost: Self.courtReaderStatementsAtMost,
                        bindsOfAKeptStatement: Self.courtReaderBindsOfAKeptStatement)
                } else {
                    try SQLiteReader(path: file, pageCacheKiB: Self.pscReadsPageCacheKiB)
                }
            return [SQLiteReads(reader: reader, logger: logger, eventLoop: (database as! any SQLDatabase).eventLoop)]
        }[0]
    }

    /// The readers kept as `which`, opened with `open` the first time. Two callers may open them at
    /// once: the first to keep its own wins, and the other's are closed.
    private func readers(_ which: Readers, open: () throws -> [SQLiteReads]) throws -> [SQLiteReads] {
        if let kept = readers.withLock({ $0[which] }) { return kept }
        let opened = try open()
        let (kept, extra): ([SQLiteReads], [SQLiteReads]) = readers.withLock { readers in
            if let kept = readers[which] { return (kept, opened) }
            readers[which] = opened
            return (opened, [])
        }
        for reads in extra { reads.reader.close() }
        return kept
    }

    /// A court's database, created and migrated if needed.
    public func court(_ id: CourtID) async throws -> any Database {
        try await database(.court(id))
    }

    public func database(_ key: DatabaseKey) async throws -> any Database {
        if !prepared.withLock({ $0.contains(key) }) {
            try await prepare(key)
        }
        return try handle(key)
    }

    /// Creates the database if missing and runs its pending migrations.
    public func prepare(_ key: DatabaseKey) async throws {
        try await register(key)
        let migrations = Migrations()
        migrations.add(key.migrations, to: key.fluentID)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: eventLoop(for: key),
            migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        try await refreshStatistics(key)
        _ = prepared.withLock { $0.insert(key) }
    }

    /// SQLite's statistics of each table and index (`sqlite_stat1`) as the query planner reads them,
    /// refreshed where a table has grown or shrunk tenfold since they were gathered
    /// (`PRAGMA optimize`, every table: 0x10002), as SQLite advises for a connection that stays
    /// open: at its opening and then every hour (`SchedulerService`). Stale ones mislead it: the
    /// generator gathers them over a court's outbox of 9 rows, and at 177,000 rows an update of a
    /// pass's delivered messages (`id IN (…)`) read the whole table, 380 MB, instead of using the
    /// key's index (BENCHMARKS.md P1). PostgreSQL's autovacuum does this there.
    func refreshStatistics(_ key: DatabaseKey) async throws {
        guard case .sqlite = location else { return }
        try await (handle(key) as! any SQLDatabase).raw("PRAGMA optimize=0x10002").run()
    }

    /// Refreshes the statistics of every database opened so far; returns how many.
    public func refreshStatistics() async throws -> Int {
        let keys = prepared.withLock { $0 }
        for key in keys.sorted(by: { $0.storageName < $1.storageName }) { try await refreshStatistics(key) }
        return keys.count
    }

    /// The migrations this database still lacks (empty when it is current).
    public func missingMigrations(_ key: DatabaseKey) async throws -> [String] {
        try await register(key)
        let sql = try handle(key) as! any SQLDatabase
        struct Row: Decodable { let name: String }
        let applied = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Row.self)
        let names = Set(applied.map(\.name))
        return key.migrations.map(\.name).filter { !names.contains($0) }
    }

    /// The SQL interface of a database that was prepared.
    public func sql(_ key: DatabaseKey) async throws -> any SQLDatabase {
        try await database(key) as! any SQLDatabase
    }

    public func shutdown() async {
        sqliteHandles.withLock { $0 = ([:], true) }
        // Readers asked for after this are not opened again: `database(_:)` says the databases
        // are closed.
        let open = readers.withLock { readers in
            defer { readers = [:] }
            return Array(readers.values.joined())
        }
        for reads in open { reads.reader.close() }
        await databases.shutdownAsync()
    }

    /// A job still running while the process shuts down gets an error, not a crash.
    func handle(_ key: DatabaseKey) throws -> any Database {
        guard case .sqlite = location else { return try handle(key.fluentID, on: eventLoopGroup.any()) }
        let kept: (any Database)? = try sqliteHandles.withLock {
            guard !$0.closed else { throw PersistenceError.closed }
            return $0.handles[key]
        }
        if let kept { return kept }
        let made = try handle(key.fluentID, on: eventLoop(for: key))
        return try sqliteHandles.withLock {
            guard !$0.closed else { throw PersistenceError.closed }
            if let first = $0.handles[key] { return first }
            $0.handles[key] = made
            return made
        }
    }

    private func handle(_ id: DatabaseID, on loop: any EventLoop) throws -> any Database {
        guard let database = databases.database(id, logger: logger, on: loop) else {
            throw PersistenceError.closed
        }
        return database
    }

    /// A SQLite file is used through one connection only, on one event loop: SQLite lets one
    /// writer in at a time anyway, and a second connection of this process waiting for the lock
    /// would spin in SQLiteNIO's busy handler on a thread of the shared pool — with a few such
    /// waiters, the threads the lock holders need to finish are all taken and every database
    /// stops. PostgreSQL connections are spread over every loop.
    private func eventLoop(for key: DatabaseKey) -> any EventLoop {
        guard case .sqlite = location else { return eventLoopGroup.any() }
        return sqliteLoops.withLock { loops in
            if let loop = loops[key] { return loop }
            let loop = eventLoopGroup.next()
            loops[key] = loop
            return loop
        }
    }

    private func register(_ key: DatabaseKey) async throws {
        if databases.configuration(for: key.fluentID) != nil { return }
        switch location {
        case .sqlite(let directory):
            try DirectoryCheck.ensureWritable(directory, setting: "--data-dir")
            let file = directory.appendingPathComponent("\(key.storageName).sqlite").path
            databases.use(.sqlite(.file(file), sqlLogLevel: .trace), as: key.fluentID, isDefault: false)
            // WAL lets readers go on while one writer commits; it is a property of the file.
            let sql = try handle(key) as! any SQLDatabase
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw(sqliteCommitsToDisk ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL").run()
            try await sql.raw("PRAGMA cache_size=\(unsafeRaw: String(Self.pageCacheKiB(key)))").run()
        case .postgres(let server):
            let name = "\(server.baseName)_\(key.storageName)"
            let admin = PostgresAdmin(server: server, logger: logger)
            try await admin.ensureDatabase(name)
            let configuration = SQLPostgresConfiguration(
                coreConfiguration: try admin.connectionConfiguration(database: name))
            databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace),
                as: key.fluentID, isDefault: false)
        }
    }
}
