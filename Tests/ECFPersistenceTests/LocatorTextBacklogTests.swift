import ECFDomain
import FluentKit
import SQLKit
import Testing

@testable import ECFPersistence

@Suite("The locator's full-text index written in pieces")
struct LocatorTextBacklogTests {
    /// Batches' entries wait in the backlog and their words go into the locator's index a piece at
    /// a time, each piece one segment (FTS5's hash as large as a piece while the generator writes);
    /// when it is done the rest is indexed, the index is merged into one segment, FTS5's own hash
    /// size is set back, and every entry is found.
    @Test func theLocatorsWordsAreIndexedAPieceAtATimeAndAllFoundAtTheEnd() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let psc = try await databases.psc() as! any SQLDatabase
        let index = "locator_entry_search"
        func hashSize() async throws -> Int? {
            try await psc.raw("SELECT v FROM \(ident: index + "_config") WHERE k = 'hashsize'").first()?
                .decode(column: "v", as: Int.self)
        }
        let bulk = BulkDocketWriterTests()
        // Each batch puts its public case's three entries in the locator, about 150 bytes of words.
        let backlog = LocatorTextBacklog(flushBytes: 300)
        try await BulkDocketWriter.startLocator(databases)
        #expect(try await hashSize() == 1 << 30)
        let writer = try await BulkDocketWriter(databases: databases, court: bulk.court.id)
        var start = try await writer.start()
        for _ in 0..<5 {
            let batch = bulk.batch(from: start)
            try await writer.writeToLocator(batch, words: try await writer.writeToCourt(batch), backlog: backlog)
            start.caseID += 2
            start.partyID += 4
            start.documentNumber += 6
            start.sequences["1:26-cv", default: 0] += 2
        }
        #expect(try await FTS5Structure.segments(of: index, on: psc) == 2, "two pieces of two batches each")
        try await writer.finish(start)
        try await BulkDocketWriter.finishLocator(databases, backlog: backlog)
        #expect(try await FTS5Structure.segments(of: index, on: psc) == 1, "all merged into one at the end")
        #expect(try await hashSize() == 1 << 20)
        let found = try await SQLCaseLocator(database: databases.psc()).searchText(
            try DocketTextSearch.read({ ["q": "zanzibarian"][$0] }).get())
        #expect(found.hits.count == 15, "each batch's public case's three entries")
        try await psc.raw("INSERT INTO \(ident: index) (\(ident: index)) VALUES ('integrity-check')").run()
        await databases.shutdown()
    }

    /// A piece of 40,000 entries is one segment of the locator's index, each entry's words those of
    /// its text as the indexes hold them. FTS5 writes a segment at each statement of a transaction
    /// that writes it, so the piece goes in with one statement (16,000 rows a statement, the most
    /// the generator's inserts bind, would make three).
    @Test func aPieceOfFortyThousandEntriesIsOneSegment() async throws {
        let (databases, psc, sql) = try await Self.generatorsLocator()
        let index = EntryTextIndex.locator.table
        try await Self.entries(1...40_000, "ORDER granting Motion ", " to Seal Exhibit Ñ-Café", on: sql)
        let backlog = LocatorTextBacklog(flushBytes: .max)
        #expect(!backlog.add(1...40_000, bytes: 40_000 * 50))
        try await backlog.flush(to: psc)
        #expect(try await FTS5Structure.segments(of: index, on: psc as! any SQLDatabase) == 1)
        struct Count: Decodable { let value: Int }
        let found = try await (psc as! any SQLDatabase).raw(
            "SELECT COUNT(*) AS value FROM \(ident: index) WHERE \(ident: index) MATCH 'granting AND seal'"
        ).first(decoding: Count.self)
        #expect(found?.value == 40_000)
        struct Words: Decodable { let words: String }
        let words = try await sql.raw("SELECT words FROM \(ident: index) WHERE rowid = 7").first(decoding: Words.self)
        #expect(words?.words == PartyNameKeys.normalize("ORDER granting Motion 7 to Seal Exhibit Ñ-Café"))
        await databases.shutdown()
    }

    /// An entry another writer puts in the locator (indexed by it) between two batches is not
    /// indexed twice: only the batches' own rows wait.
    @Test func anEntryWrittenMeanwhileByAnotherIsLeftAsItWasIndexed() async throws {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        let psc = try await databases.psc()
        let sql = psc as! any SQLDatabase
        let index = EntryTextIndex.locator.table
        let backlog = LocatorTextBacklog(flushBytes: .max)
        try await Self.entries(1...3, "MOTION to Compel ", on: sql)
        _ = backlog.add(1...3, bytes: 48)
        try await Self.entries(4...4, "NOTICE of Appearance ", on: sql)
        try await EntryTextIndex.locator.put("NOTICE of Appearance 4", key: ["nysd", 1, 4], on: sql)
        try await Self.entries(5...7, "MOTION to Compel ", on: sql)
        _ = backlog.add(5...7, bytes: 48)
        try await backlog.flush(to: psc)
        struct Count: Decodable { let value: Int }
        func count(_ match: String) async throws -> Int? {
            try await sql.raw(
                "SELECT COUNT(*) AS value FROM \(ident: index) WHERE \(ident: index) MATCH \(bind: match)"
            )
            .first(decoding: Count.self)?.value
        }
        #expect(try await count("compel") == 6)
        #expect(try await count("appearance") == 1)
        await databases.shutdown()
    }

    /// The index merged into one segment a few pages a transaction, its words all found.
    @Test func theIndexIsMergedIntoOneSegmentAStepAtATime() async throws {
        let (databases, psc, sql) = try await Self.generatorsLocator()
        let index = EntryTextIndex.locator.table
        for piece in 0..<3 {
            let seqs = piece * 2_000 + 1...piece * 2_000 + 2_000
            try await Self.entries(seqs, "ORDER granting Motion ", " to Compel Discovery", on: sql)
            let backlog = LocatorTextBacklog(flushBytes: .max)
            _ = backlog.add(Int64(seqs.lowerBound)...Int64(seqs.upperBound), bytes: 2_000 * 50)
            try await backlog.flush(to: psc)
        }
        #expect(try await FTS5Structure.segments(of: index, on: sql) == 3)
        try await LocatorTextBacklog.optimize(on: psc, pagesAStep: 4)
        #expect(try await FTS5Structure.segments(of: index, on: sql) == 1)
        struct Count: Decodable { let value: Int }
        let found = try await sql.raw(
            "SELECT COUNT(*) AS value FROM \(ident: index) WHERE \(ident: index) MATCH 'compel AND discovery'"
        ).first(decoding: Count.self)
        #expect(found?.value == 6_000)
        try await sql.raw("INSERT INTO \(ident: index) (\(ident: index)) VALUES ('integrity-check')").run()
        await databases.shutdown()
    }

    /// A new PSC whose locator the generator is about to write (`startLocator`).
    static func generatorsLocator() async throws -> (ECFDatabases, any Database, any SQLDatabase) {
        let databases = TestStorage.sqlite.open(try TestStorage.sqlite.makeLocation())
        try await BulkDocketWriter.startLocator(databases)
        let psc = try await databases.psc()
        return (databases, psc, psc as! any SQLDatabase)
    }

    /// Public entries of one case in the locator (its index left alone), entry `seq` with the text
    /// `head`, its number, `tail`.
    static func entries(_ seqs: ClosedRange<Int>, _ head: String, _ tail: String = "", on sql: any SQLDatabase)
        async throws
    {
        try await sql.raw(
            """
            WITH RECURSIVE n(i) AS (
                SELECT \(bind: seqs.lowerBound) UNION ALL SELECT i + 1 FROM n WHERE i < \(bind: seqs.upperBound))
            INSERT INTO locator_entries (court, case_id, seq, number, date_filed, day_filed, text, restriction)
            SELECT 'nysd', 1, i, i, 0, '2026-03-02', \(bind: head) || i || \(bind: tail), 'public' FROM n
            """
        ).run()
    }
}

/// The segments of an FTS5 index, read from its structure record (row 10 of its data table: a
/// four-byte cookie, FTS5's four-byte mark of the record's second version if present, then the
/// number of levels and of segments as varints).
enum FTS5Structure {
    static func segments(of index: String, on sql: any SQLDatabase) async throws -> Int {
        let hex = try #require(
            try await sql.raw("SELECT hex(block) AS block FROM \(ident: index + "_data") WHERE id = 10").first()?
                .decode(column: "block", as: String.self))
        var bytes = [UInt8]()
        var digits = hex.makeIterator()
        while let high = digits.next(), let low = digits.next() { bytes.append(UInt8("\(high)\(low)", radix: 16)!) }
        var offset = bytes[4..<8] == [0xFF, 0x00, 0x00, 0x01] ? 8 : 4
        func varint() -> Int {
            var value = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                value = value << 7 | Int(byte & 0x7F)
                if byte < 0x80 { return value }
            }
        }
        _ = varint()  // levels
        return varint()
    }
}
