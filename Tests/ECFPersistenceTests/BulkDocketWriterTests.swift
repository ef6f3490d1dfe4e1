import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import SQLKit
import Testing

@Suite("Generated dockets written in bulk")
struct BulkDocketWriterTests {
    let court = FederalCourts.court(CourtID("nysd"))!
    let filed = ISO8601DateFormatter().date(from: "2026-03-02T15:00:00Z")!

    /// Two cases written in bulk after one opened the usual way: the second sealed.
    func batch(from start: BulkDocketWriter.Start) -> BulkDocketWriter.Batch {
        var batch = BulkDocketWriter.Batch()
        for index in 0..<2 {
            let id = CaseID(start.caseID + Int64(index))
            let sequence = (start.sequences["1:26-cv"] ?? 0) + 1 + index
            let number = CaseNumber(office: 1, year: 26, type: .cv, sequence: sequence, assignedJudge: "JMF")!
            batch.cases.append(
                CourtCase(
                    id: id, number: number, title: "Quillfeather \(index) v. Northwind Holdings LLC",
                    natureOfSuit: NatureOfSuit.named(190), dateFiled: DateOnly(year: 2026, month: 3, day: 2),
                    restriction: index == 1 ? .sealed : .public))
            batch.parties.append(
                Party(id: start.partyID + Int64(2 * index), caseID: id, name: "Ondine Quillfeather", type: .plaintiff))
            batch.parties.append(
                Party(
                    id: start.partyID + Int64(2 * index + 1), caseID: id, name: "Northwind Holdings LLC",
                    type: .defendant))
            for seq in 1...3 {
                let document = DocketDocument(
                    id: DocumentID(
                        prefix: court.documentIDPrefix, sequence: start.documentNumber + Int64(3 * index + seq - 1))!,
                    attachment: 0, description: "Main Document", originalFileName: "main.pdf", pages: 2, bytes: 900,
                    sha256: String(repeating: "a", count: 64))
                batch.entries.append(
                    DocketEntry(
                        caseID: id, seq: seq, number: seq, dateFiled: filed.addingTimeInterval(Double(seq) * 3600),
                        dateEntered: filed.addingTimeInterval(Double(seq) * 3600 + 60),
                        text: "MOTION number \(seq) to compel the zanzibarian discovery", eventID: "motionExtendTime",
                        filedBy: nil, documents: [document]))
            }
        }
        return batch
    }

    @Test(arguments: TestStorage.available)
    func writtenCasesAreReadLikeFiledOnesAndTheCountersGoOnAfterThem(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let locator = SQLCaseLocator(database: try await databases.psc())
        // One case opened the usual way first: the bulk cases follow it.
        _ = try await store.transaction { transaction in
            let number = CaseNumber(
                office: 1, year: 26, type: .cv,
                sequence: try await transaction.nextCaseSequence(office: 1, year: 26, type: .cv), assignedJudge: "JMF")!
            return try await transaction.insert(
                caseWithNumber: number,
                CourtCase(
                    id: CaseID(0), number: number, title: "First v. Case", natureOfSuit: nil,
                    dateFiled: DateOnly(year: 2026, month: 3, day: 1)))
        }
        let writer = try await BulkDocketWriter(databases: databases, court: court.id)
        var start = try await writer.start()
        #expect(start.caseID == 2 && start.sequences["1:26-cv"] == 1)
        let batch = batch(from: start)
        try await writer.write(batch)
        start.caseID += 2
        start.partyID += 4
        start.documentNumber += 6
        start.sequences["1:26-cv"] = 3
        try await writer.finish(start)

        let docket = try #require(try await store.courtCase(CaseID(2)))
        #expect(docket.title == "Quillfeather 0 v. Northwind Holdings LLC")
        let entries = try await store.entries(of: CaseID(2))
        #expect(entries.map(\.number) == [1, 2, 3] && entries.allSatisfy { $0.documents.count == 1 })
        let text = try await store.searchText(
            try DocketTextSearch.read({ ["q": "zanzibarian", "sort": "date"][$0] }).get(), court: court.id,
            seesRestricted: false)
        #expect(text.hits.count == 3, "the sealed case's entries are not found by the public")
        // The public finds a sealed case only by its number; the court's staff by its parties too.
        let byParty = try CaseSearch.read({ ["party": "quillfeather"][$0] }).get()
        #expect(try await store.searchCases(byParty, court: court.id, seesSealed: false).hits.count == 1)
        #expect(try await store.searchCases(byParty, court: court.id, seesSealed: true).hits.count == 2)
        let national = try await locator.search(try CaseSearch.read({ ["party": "ondine quillfeather"][$0] }).get())
        #expect(national.hits.map(\.caseID) == [CaseID(2)])
        let nationalText = try await locator.searchText(
            try DocketTextSearch.read({ ["q": "zanzibarian"][$0] }).get())
        #expect(nationalText.hits.count == 3)

        // The next case opened the usual way takes the next id and sequence, and the next
        // document number follows the generated ones.
        let next = try await store.transaction { transaction in
            let sequence = try await transaction.nextCaseSequence(office: 1, year: 26, type: .cv)
            let number = CaseNumber(office: 1, year: 26, type: .cv, sequence: sequence, assignedJudge: "JMF")!
            let id = try await transaction.insert(
                caseWithNumber: number,
                CourtCase(
                    id: CaseID(0), number: number, title: "After v. Generated", natureOfSuit: nil,
                    dateFiled: DateOnly(year: 2026, month: 3, day: 3)))
            return (id, sequence, try await transaction.nextDocumentNumber())
        }
        #expect(next.0 == CaseID(4) && next.1 == 4 && next.2 == start.documentNumber)
        await databases.shutdown()
    }

    /// While the generator writes a court, its connection keeps a large cache and copies its log
    /// into the file seldom; when the court is done (and the PSC at the end of the run), both are
    /// the server's again and the log is empty, so a court finished early holds neither memory
    /// nor 64 MiB of log on disk while the others are written.
    @Test func theGeneratorsCacheAndLogAreGivenBackWhenItIsDone() async throws {
        let location = try TestStorage.sqlite.makeLocation()
        guard case .sqlite(let directory) = location else { return }
        let databases = TestStorage.sqlite.open(location)
        let courtSQL = try await databases.court(court.id) as! any SQLDatabase
        let pscSQL = try await databases.psc() as! any SQLDatabase
        func setting(_ name: String, of sql: any SQLDatabase) async throws -> Int? {
            try await sql.raw("PRAGMA \(unsafeRaw: name)").first()?.decode(column: name, as: Int.self)
        }
        let serverCourtCache = try await setting("cache_size", of: courtSQL)
        let serverPSCCache = try await setting("cache_size", of: pscSQL)
        try await BulkDocketWriter.startLocator(databases)
        let writer = try await BulkDocketWriter(databases: databases, court: court.id)
        let start = try await writer.start()
        #expect(try await setting("cache_size", of: courtSQL) == -65_536)
        #expect(try await setting("wal_autocheckpoint", of: courtSQL) == 16_384)
        #expect(try await setting("cache_size", of: pscSQL) == -262_144)
        try await writer.write(batch(from: start))
        try await writer.finish(start)
        #expect(try await setting("cache_size", of: courtSQL) == serverCourtCache)
        #expect(try await setting("wal_autocheckpoint", of: courtSQL) == 1_000)
        let log = directory.appendingPathComponent("\(court.id.rawValue).sqlite-wal").path
        let logBytes = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        #expect(logBytes == 0, "the court's log is emptied when it is done")
        try await BulkDocketWriter.finishLocator(databases)
        #expect(try await setting("cache_size", of: pscSQL) == serverPSCCache)
        #expect(serverCourtCache != -65_536 && serverPSCCache != -262_144)
        await databases.shutdown()
    }
}
