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
    /// SQLite's page cache of each court's connection, in KiB (as `PRAGMA cache_size` takes it,
    /// negative): a quarter of a megabyte, an eighth of SQLite's default. Each court is its own
    /// file with its own connection and cache; with 94 courts in use, the default 2 MB each held
    /// 175–216 MB under P4's mix at full scale, 512 KiB each 146–156 MB, 256 KiB 123 MB at the
    /// same rate (P7 in BENCHMARKS.md). The pages stay in the operating system's cache, a read
    /// away, and a docket's rows are kept rendered (`DocketRowsCache`).
    static let courtPageCacheKiB = -256
    /// The PSC's page cache, in KiB: 8 MiB, four times SQLite's default. The locator's cases and
    /// party keys (7 million at full scale) are in the PSC's file, and every search walks their
    /// indexes: with 2 MB, reading pages back from the operating system was a fifth of a
    /// search's time. 8 MiB took locator searches from 166–182 to 188–199 a second at full
    /// scale, 16 MiB to 197–227 but the server's memory under P4's mix near P7's 150 MB.
    static let pscPageCacheKiB = -8_192
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
        _ = prepared.withLock { $0.insert(key) }
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
        await databases.shutdownAsync()
    }

    /// A job still running while the process shuts down gets an error, not a crash.
    func handle(_ key: DatabaseKey) throws -> any Database {
        guard let database = databases.database(key.fluentID, logger: logger, on: eventLoop(for: key)) else {
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
            let cacheKiB = if case .court = key { Self.courtPageCacheKiB } else { Self.pscPageCacheKiB }
            try await sql.raw("PRAGMA cache_size=\(unsafeRaw: String(cacheKiB))").run()
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
