import ECFDomain
import Foundation
import SQLKit
import Testing

@testable import ECFPersistence

/// The read-only connections with prepared statements that a court's and the PSC's reads go
/// through (`ECFDatabases.reads`).
@Suite("SQLite readers")
struct SQLiteReaderTests {
    @Test func aReadSeesEveryCommitMadeBeforeIt() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let key = DatabaseKey.court(CourtID("nysd"))
        let writer = try await databases.sql(key)
        let reads = try await databases.reads(key)
        try await writer.raw("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)").run()
        struct Count: Decodable { let n: Int }
        for written in 1...5 {
            try await writer.raw("INSERT INTO notes (text) VALUES (\(bind: "note \(written)"))").run()
            // The same statement each time, kept prepared: it must not keep an old snapshot.
            let read = try await reads.raw("SELECT count(*) AS n FROM notes").first(decoding: Count.self)
            #expect(read?.n == written)
        }
        let reader = try #require(reads as? SQLiteReads).reader
        #expect(reader.preparedCount == 1, "one statement, prepared once")
        await databases.shutdown()
    }

    @Test func valuesComeBackAsTheWriterReadsThem() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let key = DatabaseKey.psc
        let writer = try await databases.sql(key)
        let reads = try await databases.reads(key)
        try await writer.raw(
            "CREATE TABLE sample (id TEXT PRIMARY KEY, at REAL, flag INTEGER, count INTEGER, name TEXT, gone TEXT, big INTEGER)"
        ).run()
        let id = UUID()
        let at = Date(timeIntervalSince1970: 1_800_000_123.5)
        try await writer.raw(
            "INSERT INTO sample VALUES (\(bind: id), \(bind: at), \(bind: true), \(bind: 42), \(bind: "Ñandú & Co."), NULL, \(bind: Int64.max))"
        ).run()
        struct Sample: Decodable, Equatable {
            let id: UUID
            let at: Date
            let flag: Bool
            let count: Int?
            let name: String
            let gone: String?
            let big: Int64
        }
        func read(_ database: any SQLDatabase) async throws -> (decoded: Sample?, byColumn: Sample?) {
            let query: SQLQueryString = "SELECT * FROM sample WHERE id = \(bind: id)"
            let row = try await database.raw(query).first()
            let byColumn = try row.map {
                Sample(
                    id: try $0.decode(column: "id", as: UUID.self), at: try $0.decode(column: "at", as: Date.self),
                    flag: try $0.decode(column: "flag", as: Bool.self),
                    count: try $0.decode(column: "count", as: Int?.self),
                    name: try $0.decode(column: "name", as: String.self),
                    gone: try $0.decode(column: "gone", as: String?.self),
                    big: try $0.decode(column: "big", as: Int64.self))
            }
            return (try await database.raw(query).first(decoding: Sample.self), byColumn)
        }
        let written = Sample(id: id, at: at, flag: true, count: 42, name: "Ñandú & Co.", gone: nil, big: .max)
        let byWriter = try await read(writer)
        let byReader = try await read(reads)
        #expect(byWriter.decoded == written && byWriter.byColumn == written)
        #expect(byReader.decoded == written && byReader.byColumn == written)
        // Each common type as its optional, present and NULL, and types of no common kind, as the
        // writer's decoding gives them.
        for database in [writer, reads] {
            let row = try #require(try await database.raw("SELECT * FROM sample").first())
            #expect(try row.decode(column: "id", as: UUID?.self) == id)
            #expect(try row.decode(column: "at", as: Date?.self) == at)
            #expect(try row.decode(column: "flag", as: Bool?.self) == true)
            #expect(try row.decode(column: "big", as: Int64?.self) == .max)
            #expect(try row.decode(column: "count", as: Int64.self) == 42)
            #expect(try row.decode(column: "count", as: Int32.self) == 42)
            #expect(try row.decode(column: "name", as: String?.self) == "Ñandú & Co.")
            #expect(try row.decode(column: "gone", as: Date?.self) == nil)
            #expect(try row.decode(column: "gone", as: UUID?.self) == nil)
            #expect(try row.decode(column: "gone", as: Int?.self) == nil)
            #expect(try row.decode(column: "gone", as: Bool?.self) == nil)
            #expect(try row.decode(column: "gone", as: Int32?.self) == nil)
            // A column that does not hold its type is refused, as the writer's decoding refuses it.
            #expect(throws: (any Error).self) { try row.decode(column: "name", as: Int.self) }
            #expect(throws: (any Error).self) { try row.decode(column: "name", as: Int?.self) }
            #expect(throws: (any Error).self) { try row.decode(column: "gone", as: String.self) }
        }
        let row = try #require(try await reads.raw("SELECT name FROM sample").first())
        #expect(throws: (any Error).self) { try row.decode(column: "missing", as: String.self) }
        await databases.shutdown()
    }

    @Test func aBadStatementIsAnErrorAndTheReaderGoesOn() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let reads = try await databases.reads(.psc)
        await #expect(throws: SQLiteReaderError.self) { try await reads.raw("SELECT * FROM no_such_table").run() }
        // A read-only connection: a write is refused, not made.
        await #expect(throws: SQLiteReaderError.self) {
            try await reads.raw("CREATE TABLE sneaky (id INTEGER)").run()
        }
        struct One: Decodable { let one: Int }
        #expect(try await reads.raw("SELECT 1 AS one").first(decoding: One.self)?.one == 1)
        await databases.shutdown()
    }

    /// A column is found where it first is, among few columns or many.
    @Test func aColumnIsFoundWhereItFirstIs() {
        let few = SQLiteReadColumns(names: ["id", "case_id", "id", "description_of_the_entry"])
        #expect(few.offset(of: "id") == 0)
        #expect(few.offset(of: "case_id") == 1)
        #expect(few.offset(of: "description_of_the_entry") == 3)
        #expect(few.offset(of: "Case_id") == nil)
        let many = SQLiteReadColumns(names: (0..<40).map { "column_\($0)" } + ["column_3"])
        #expect(many.offset(of: "column_3") == 3)
        #expect(many.offset(of: "column_39") == 39)
        #expect(many.offset(of: "column_40") == nil)
    }

    @Test func keptStatementsAreBounded() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let reads = try await databases.reads(.psc)
        struct Value: Decodable { let v: Int }
        for value in 0..<(SQLiteReader.statementsAtMost + 10) {
            let answer = try await reads.raw("SELECT \(unsafeRaw: String(value)) AS v").first(decoding: Value.self)
            #expect(answer?.v == value)
        }
        let reader = try #require(reads as? SQLiteReads).reader
        #expect(reader.preparedCount <= SQLiteReader.statementsAtMost)
        await databases.shutdown()
    }

    /// A court's reader keeps a dozen statements, none with a list of values (its shape seldom
    /// comes back), so 94 courts' readers stay within the server's memory goal.
    @Test func aCourtsReaderKeepsFewStatementsAndNoLists() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let reads = try await databases.reads(.court(CourtID("nysd")))
        let reader = try #require(reads as? SQLiteReads).reader
        struct Found: Decodable { let found: Int }
        let list = (1...20).map { SQLBind($0) }
        let answer = try await reads.raw(
            "SELECT \(bind: 7) IN (\(SQLList(list, separator: SQLRaw(", ")))) AS found"
        ).first(decoding: Found.self)
        #expect(answer?.found == 1)
        #expect(reader.preparedCount == 0, "a statement of 21 values was kept")
        for value in 0..<20 {
            _ = try await reads.raw("SELECT \(bind: value) + \(unsafeRaw: String(value)) AS found").run()
        }
        #expect(reader.preparedCount == ECFDatabases.courtReaderStatementsAtMost)
        await databases.shutdown()
    }

    /// The statements run most stay prepared when more statements come round than a court's
    /// reader keeps (BENCHMARKS.md P4: under the mixed load about twenty came round and ten were
    /// kept; keeping the ones run last prepared a statement at most runs), and statements run
    /// more and more are kept in time.
    @Test func theStatementsRunMostStayWhenMoreComeRound() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let reads = try await databases.reads(.court(CourtID("nysd")))
        let reader = try #require(reads as? SQLiteReads).reader
        let kept = ECFDatabases.courtReaderStatementsAtMost
        func run(_ shape: Int) async throws {
            struct Sum: Decodable { let x: Int }
            let sum = try await reads.raw("SELECT \(bind: 1) + \(unsafeRaw: String(shape)) AS x").first(
                decoding: Sum.self)
            #expect(sum?.x == shape + 1)
        }
        for _ in 0..<3 { for shape in 0..<kept { try await run(shape) } }
        let warm = reader.preparations.prepared
        // Each of the ten again, each followed by a statement run once.
        for round in 0..<5 {
            for shape in 0..<kept {
                try await run(shape)
                try await run(1_000 + round * kept + shape)
            }
        }
        #expect(reader.preparations.prepared - warm == 5 * kept, "only the statements run once were prepared")
        // Two statements run again and again take the place of two of the ten.
        for _ in 0..<10 {
            try await run(500)
            try await run(501)
        }
        let settled = reader.preparations.prepared
        for _ in 0..<5 {
            try await run(500)
            try await run(501)
        }
        #expect(reader.preparations.prepared == settled, "the two are kept")
        #expect(reader.preparedCount == kept)
        await databases.shutdown()
    }

    /// A report's statements, run every time, stay prepared among others run once; and a
    /// statement whose plan may depend on its value (`case_id = ?`) is not prepared again at each
    /// run (BENCHMARKS.md P1: every report's parties were).
    @Test func aRequestsStatementsStayPreparedAmongOthers() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let key = DatabaseKey.court(CourtID("nysd"))
        let writer = try await databases.sql(key)
        try await writer.raw("CREATE TABLE people (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, name TEXT)").run()
        try await writer.raw("CREATE INDEX people_case ON people (case_id)").run()
        for caseID in 2..<8 {
            for n in 0..<3 {
                try await writer.raw(
                    "INSERT INTO people (case_id, name) VALUES (\(bind: caseID), \(bind: "p\(caseID)-\(n)"))"
                )
                .run()
            }
        }
        let reads = try await databases.reads(key)
        let reader = try #require(reads as? SQLiteReads).reader
        struct Person: Decodable { let name: String }
        var round = 0
        func request(_ caseID: Int) async throws {
            // Seven statements, as a report reads a court's: the same each time but their value.
            for column in 0..<7 {
                let query: SQLQueryString =
                    "SELECT name FROM people WHERE case_id = \(bind: caseID) AND \(unsafeRaw: String(column)) = \(unsafeRaw: String(column)) ORDER BY id"
                let names = try await reads.raw(query).all(decoding: Person.self).map(\.name)
                #expect(names == (0..<3).map { "p\(caseID)-\($0)" }, "the value of this run, not the last")
            }
            // Statements of their own shape, run once, beside the request's (the request's and
            // these fill the court reader's ten).
            round += 1
            for other in 0..<3 { _ = try await reads.raw("SELECT \(unsafeRaw: String(round * 10 + other)) AS x").run() }
        }
        for caseID in [2, 3, 4, 5] { try await request(caseID) }
        let warm = reader.preparations
        // (Not 0 or 1: SQLite plans `x = 0` and `x = 1` apart, and prepares again between them.)
        for caseID in [6, 7, 3, 2, 5, 4, 7] { try await request(caseID) }
        let after = reader.preparations
        #expect(after.prepared - warm.prepared == 7 * 3, "only the statements run once were prepared")
        #expect(after.preparedAgain == 0, "none prepared again by SQLite")
        await databases.shutdown()
    }
}
