import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import ECFPersistence

@Suite("Databases: one for the PSC, one per court")
struct DatabasesTests {
    func mail(_ id: UUID, to address: String) throws -> OutboxMessage {
        let mail = OutgoingMail(
            messageID: MessageIDs.make(id, domain: "test.example"), from: EmailAddress("noreply@test.example")!,
            to: [EmailAddress(address, displayName: "Jane Doe")!], subject: "Activity in Case 2:26-cv-00001",
            textBody: "Plain text", htmlBody: "<p>HTML</p>")
        return try OutboxMessage.mail(mail, id: OutboxMessageID(id), at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test(arguments: TestStorage.available)
    func eachCourtHasItsOwnDatabase(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let cacd = SQLOutboxStore(database: try await databases.court(CourtID("cacd")))
        let nysd = SQLOutboxStore(database: try await databases.court(CourtID("nysd")))
        let psc = SQLOutboxStore(database: try await databases.psc())
        try await cacd.enqueue(try mail(UUID(), to: "a@example.org"))
        #expect(try await cacd.backlog() == 1)
        #expect(try await nysd.backlog() == 0, "a court's rows never show in another court's database")
        #expect(try await psc.backlog() == 0)
        await databases.shutdown()
    }

    struct Setting: Decodable { let cacheSize: Int }

    func cacheSize(_ database: any SQLDatabase) async throws -> Int? {
        try await database.raw("PRAGMA cache_size").first(
            decoding: Setting.self, keyDecodingStrategy: .convertFromSnakeCase)?.cacheSize
    }

    /// Each court's SQLite connections (the writer and the reader) keep a small page cache of their
    /// own (94 courts add up); the PSC's SQLite's default, and its search readers, which the
    /// locator's searches go through, a larger one each.
    /// A file's handle and readers are made once and kept; once the databases are shut down, a
    /// job still running gets an error for each, not a handle to a closed file.
    @Test func handlesAreKeptUntilShutdownAndRefusedAfter() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let nysd = CourtID("nysd")
        let reads = try #require(try await databases.reads(.court(nysd)) as? SQLiteReads)
        #expect(try #require(try await databases.reads(.court(nysd)) as? SQLiteReads).reader === reads.reader)
        let searches = try await databases.pscReaders().compactMap { ($0 as? SQLiteReads)?.reader }
        let again = try await databases.pscReaders().compactMap { ($0 as? SQLiteReads)?.reader }
        #expect(!searches.isEmpty && again.count == searches.count && zip(again, searches).allSatisfy { $0 === $1 })
        try await SQLOutboxStore(database: try await databases.court(nysd)).enqueue(
            try mail(UUID(), to: "jane@example.org"))
        #expect(try await SQLOutboxStore(database: try await databases.court(nysd)).backlog() == 1)
        await databases.shutdown()
        await #expect(throws: (any Error).self) { try await databases.court(nysd) }
        await #expect(throws: (any Error).self) { try await databases.reads(.court(nysd)) }
        await #expect(throws: (any Error).self) { try await databases.pscReaders() }
        await #expect(throws: (any Error).self) { try await databases.psc() }
    }

    @Test func aCourtsSQLiteConnectionKeepsASmallPageCacheAndThePSCsReadersALargerOne() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        #expect(try await cacheSize(try await databases.sql(.court(CourtID("cacd")))) == -32)
        #expect(try await cacheSize(try await databases.reads(.court(CourtID("cacd")))) == -64)
        #expect(try await cacheSize(try await databases.sql(.psc)) == -1_024)
        #expect(try await cacheSize(try await databases.reads(.psc)) == -512)
        for reader in try await databases.pscReaders() {
            #expect(try await cacheSize(reader) == -3_072)
        }
        await databases.shutdown()
    }

    /// The PSC's readers see what the PSC's connection committed, and cannot write: a search can
    /// never change the PSC. The data dir's name has what a file URI must escape.
    @Test func thePSCsReadersSeeItsCommitsAndCannotWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "openecf test #\(UUID().uuidString.prefix(8)) 100%?")
        let databases = TestStorage.sqlite.open(.sqlite(directory: directory))
        let readers = try await databases.pscReaders()
        #expect(readers.count >= 1)
        try await SQLOutboxStore(database: try await databases.psc()).enqueue(try mail(UUID(), to: "a@example.org"))
        struct Count: Decodable { let n: Int }
        for reader in readers {
            #expect(try await reader.raw("SELECT count(*) AS n FROM outbox").first(decoding: Count.self)?.n == 1)
            await #expect(throws: (any Error).self) { try await reader.raw("DELETE FROM outbox").run() }
        }
        #expect(try await SQLOutboxStore(database: try await databases.psc()).backlog() == 1)
        #expect(try await databases.pscReaders().count == readers.count, "the readers are opened once")
        await databases.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    @Test(arguments: TestStorage.available)
    func migrationsRunOnceAndReadinessSeesThem(storage: TestStorage) async throws {
        let location = try storage.makeLocation()
        let databases = storage.open(location)
        let registry = SQLCourtRegistryStore(database: try await databases.psc())
        let enable = EnableCourt(
            registry: registry, provisioner: SQLCourtDatabaseProvisioner(databases: databases), clock: SystemClock())
        _ = try await enable("cacd")
        #expect(try await databases.missingMigrations(.psc).isEmpty)
        #expect(try await databases.missingMigrations(.court(CourtID("cacd"))).isEmpty)
        #expect(await DatabaseReadiness(databases: databases).problems().isEmpty)
        try await databases.prepare(.psc)  // a second run changes nothing
        await databases.shutdown()

        // A new process on the same storage finds the court and its database as they were.
        let reopened = storage.open(location)
        let courts = try await SQLCourtRegistryStore(database: try await reopened.psc()).enabledCourts()
        #expect(courts.map(\.court.id) == [CourtID("cacd")])
        #expect(await DatabaseReadiness(databases: reopened).problems().isEmpty)
        await reopened.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func theOutboxKeepsAMessageUntilItIsDelivered(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLOutboxStore(database: try await databases.psc())
        let id = UUID()
        let message = try mail(id, to: "jane@example.org")
        try await store.enqueue(message)
        let start = message.createdAt

        let due = try await store.due(at: start, limit: 10)
        #expect(due.count == 1)
        #expect(try due[0].decodedMail() == message.decodedMail())

        try await store.reschedule(
            OutboxMessageID(id), attempts: 1, nextAttemptAt: start.addingTimeInterval(5), error: "connection refused")
        #expect(try await store.due(at: start.addingTimeInterval(4), limit: 10).isEmpty)
        let retry = try await store.due(at: start.addingTimeInterval(5), limit: 10)
        #expect(retry.first?.attempts == 1)
        #expect(retry.first?.lastError == "connection refused")
        #expect(try await store.backlog() == 1)

        try await store.markDelivered(OutboxMessageID(id), at: start.addingTimeInterval(6), attempts: 2)
        #expect(try await store.backlog() == 0)
        #expect(try await store.due(at: start.addingTimeInterval(3600), limit: 10).isEmpty)
        let stored = try #require(try await store.all().first)
        #expect(stored.status == .delivered)
        #expect(stored.lastError == nil)
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func aBurstOfMessagesIsMarkedDeliveredTogether(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLOutboxStore(database: try await databases.psc())
        let ids = (0..<3).map { _ in UUID() }
        for (index, id) in ids.enumerated() { try await store.enqueue(try mail(id, to: "n\(index)@example.org")) }
        let start = try #require(try await store.all().first?.createdAt)
        try await store.markDelivered(
            [
                OutboxDelivery(id: OutboxMessageID(ids[0]), attempts: 1, note: nil),
                OutboxDelivery(
                    id: OutboxMessageID(ids[1]), attempts: 1, note: "The mail server refused x@example.org."),
            ], at: start.addingTimeInterval(1))
        #expect(try await store.backlog() == 1)
        #expect(try await store.due(at: start.addingTimeInterval(60), limit: 10).map(\.id.rawValue) == [ids[2]])
        let stored = try await store.all().filter { $0.status == .delivered }
        #expect(stored.count == 2)
        #expect(stored.contains { $0.lastError == "The mail server refused x@example.org." })
        await databases.shutdown()
    }

    /// A pass's worth and more, with three outcomes: each message gets its own attempts and note,
    /// across the statements the marks are cut into.
    @Test(arguments: TestStorage.available)
    func aLargeBurstIsMarkedDeliveredWithEachOutcome(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let psc = try await databases.psc()
        let store = SQLOutboxStore(database: psc)
        let ids = (0..<1_103).map { _ in UUID() }
        let messages = try ids.enumerated().map { index, id in try mail(id, to: "n\(index)@example.org") }
        try await psc.transaction { transaction in
            for message in messages { try await SQLOutboxStore(database: transaction).enqueue(message) }
        }
        let refused = "The mail server refused x@example.org."
        let deliveries = ids.dropLast().enumerated().map { index, id in
            OutboxDelivery(
                id: OutboxMessageID(id), attempts: index < 100 ? 3 : 1, note: index % 500 == 7 ? refused : nil)
        }
        let at = messages[0].createdAt.addingTimeInterval(1)
        try await store.markDelivered(deliveries, at: at)
        let stored = Dictionary(uniqueKeysWithValues: try await store.all().map { ($0.id.rawValue, $0) })
        #expect(stored[ids.last!]?.status == .pending, "the one not delivered")
        for delivery in deliveries {
            let message = try #require(stored[delivery.id.rawValue])
            #expect(message.status == .delivered && message.deliveredAt == at)
            #expect(message.attempts == delivery.attempts && message.lastError == delivery.note)
        }
        #expect(try await store.backlog() == 1)
        await databases.shutdown()
    }

    /// The ledger's messages of a pass and more, deleted once delivered, in one statement or in
    /// one transaction; the others stay.
    @Test(arguments: TestStorage.available)
    func deliveredMessagesThatAreNotKeptAreDeleted(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let court = try await databases.court(CourtID("nysd"))
        let store = SQLOutboxStore(database: court)
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let billing = (0..<1_001).map { index in
            OutboxMessage(
                id: OutboxMessageID(UUID()), kind: .billing, payload: Data("{\"n\":\(index)}".utf8), createdAt: at,
                nextAttemptAt: at)
        }
        try await court.transaction { transaction in
            try await SQLOutboxStore(database: transaction).enqueue(billing)
        }
        try await store.forget([billing[0].id])
        try await store.forget(billing.dropFirst().dropLast().map(\.id))
        #expect(try await store.all().map(\.id) == [billing.last!.id], "each statement of the many deleted its own")
        #expect(try await store.backlog() == 1)
        await databases.shutdown()
    }

    @Test func sqliteFilesUseWriteAheadLogging() async throws {
        let location = try TestStorage.sqlite.makeLocation()
        let databases = TestStorage.sqlite.open(location)
        struct Mode: Decodable {
            let journalMode: String
            enum CodingKeys: String, CodingKey { case journalMode = "journal_mode" }
        }
        let sql = try await databases.sql(.court(CourtID("cacb")))
        let mode = try await sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)
        #expect(mode?.journalMode == "wal")
        guard case .sqlite(let directory) = location else { return }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cacb.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("psc.sqlite").path) == false)
        await databases.shutdown()
    }

    @Test func databaseURLsAreReadStrictly() throws {
        let server = try PostgresServer(url: "postgres://ecf:s3cret@db.internal:6543/courts?sslmode=require")
        #expect(server.host == "db.internal")
        #expect(server.port == 6543)
        #expect(server.baseName == "courts")
        #expect(server.tls == .require)
        #expect(try PostgresServer(url: "postgresql://ecf@localhost").baseName == "openecf")
        for bad in [
            "mysql://x@y/z", "postgres://localhost/openecf", "postgres://u@/x", "postgres://u@h/bad-name",
            "postgres://u@h/x?sslmode=maybe", "not a url",
        ] {
            #expect(throws: DatabaseURLError.self, "\(bad)") { try PostgresServer(url: bad) }
        }
    }

    @Test func anUnreachableServerIsReportedInOneLine() async throws {
        let databases = TestStorage.sqlite.open(
            .postgres(try PostgresServer(url: "postgres://u:p@127.0.0.1:1/openecf")))
        do {
            try await databases.checkStorage()
            Issue.record("port 1 answered")
        } catch {
            let text = "\(error)"
            #expect(text.contains("--database-url"))
            #expect(text.contains("127.0.0.1:1"))
            #expect(!text.contains("\n"))
        }
        await databases.shutdown()
    }

    @Test func anUnwritableDataDirIsReportedWithItsReason() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("openecf-file-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        #expect(throws: PersistenceError.self) {
            try DirectoryCheck.ensureWritable(file.appendingPathComponent("data"), setting: "--data-dir")
        }
        do {
            try DirectoryCheck.ensureWritable(file.appendingPathComponent("data"), setting: "--data-dir")
        } catch {
            #expect("\(error)".hasPrefix("--data-dir: cannot create"))
        }
    }
}
