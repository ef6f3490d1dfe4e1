import ECFDomain
import Foundation
import SQLKit
import Testing

@testable import ECFPersistence

/// A party search goes one of two ways: a name that begins many keys is searched case by case
/// from the newest, a narrower one by collecting its cases from the keys and sorting them (in
/// the locator, whose keys carry their case's date, first from the newest keys alone, or key by
/// key when the name begins few keys). All must give the same pages, cursors and all; here every
/// search is run every way.
@Suite("Every way of searching a party name agrees")
struct CaseSearchPlansTests {
    let court = FederalCourts.court(CourtID("nysd"))!

    /// Every page of `answers` (two hits a page), searched the narrow way and the broad way.
    func pages(
        _ answers: [String: String], with plan: CaseSearchSQL, seesSealed: Bool, on sql: any SQLDatabase
    ) async throws -> (narrow: [CaseSearchPage], broad: [CaseSearchPage]) {
        var result: [[CaseSearchPage]] = []
        // The locator's narrow way once from its dated keys and once without them; then key by
        // key (SQLite), with lists of six keys a page (two hits and one more, twice) and with
        // a key at most (others go the other ways).
        let ways =
            plan.fromDatedKeys
            ? [(1_000_000, true, 0), (1_000_000, false, 0), (1, true, 0), (1, true, 16), (1, true, 1)]
            : [(1_000_000, false, 0), (1, false, 0)]
        for (broadName, fromDatedKeys, keysOneByOne) in ways {
            var plan = plan
            plan.broadName = broadName
            plan.fromDatedKeys = fromDatedKeys
            plan.keysOneByOne = keysOneByOne
            var answers = answers.merging(["limit": "2"]) { first, _ in first }
            var pages: [CaseSearchPage] = []
            while true {
                let page = try await plan.run(
                    try CaseSearch.read({ answers[$0] }).get(), seesSealed: seesSealed, on: sql)
                pages.append(page)
                guard let next = page.next else { break }
                answers["cursor"] = next.description
            }
            result.append(pages)
        }
        #expect(result.dropFirst().allSatisfy { $0 == result[0] }, "\(answers)")
        return (result[0], result[result.count - 1])
    }

    @Test(arguments: TestStorage.available)
    func aCourtsSearchAndTheLocatorGiveTheSamePagesBothWays(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let cases = try await CaseSearchStoreTests().openCases(store, count: 12)
        let locator = SQLCaseLocator(database: try await databases.psc())
        // In cacd, every other case without its Müller: a key of one court must not find the
        // same case number of another.
        for other in ["nysd", "cacd"] {
            for (index, courtCase) in cases.enumerated() {
                var parties = try await store.parties(of: courtCase.id)
                if other == "cacd", index.isMultiple(of: 2) { parties.removeAll { $0.name.hasPrefix("Jürgen") } }
                try await locator.publish(
                    LocatorRecord(court: CourtID(other), courtCase: courtCase, parties: parties), at: Date())
            }
        }
        let courtSQL = try await databases.court(court.id) as! any SQLDatabase
        let pscSQL = try await databases.psc() as! any SQLDatabase
        var plan = CaseSearchSQL.court(court.id)
        plan.broadName = 1
        #expect(try await plan.isBroad("muller", on: courtSQL))
        plan.broadName = 13
        #expect(try await !plan.isBroad("muller", on: courtSQL), "12 cases, one Müller each")

        let searches: [[String: String]] = [
            ["party": "muller"], ["party": "o brien"], ["party": "jurgen muller 1"], ["party": "nobody"],
            ["party": "muller", "natureOfSuit": "190"], ["party": "muller", "filedFrom": "2026-01-04"],
            ["party": "o brien", "status": "closed"], ["party": "muller", "number": "26-3"],
        ]
        for answers in searches {
            for seesSealed in [false, true] {
                let (narrow, broad) = try await pages(
                    answers, with: .court(court.id), seesSealed: seesSealed, on: courtSQL)
                #expect(narrow == broad, "\(answers), court staff: \(seesSealed)")
            }
            for court in [nil, "cacd"] {
                var answers = answers
                answers["court"] = court
                let (narrow, broad) = try await pages(answers, with: .locator, seesSealed: false, on: pscSQL)
                #expect(narrow == broad, "the locator, \(answers)")
            }
        }
        // The locator's newest keys are taken from its index alone: twice a page, the newest first.
        let search = try CaseSearch.read({ ["party": "muller", "limit": "2"][$0] }).get()
        let newest = try await pscSQL.raw(
            CaseSearchSQL.locator.newestKeys("muller", of: search, pageSize: 3, on: pscSQL)
        )
        .all()
        let found = try newest.map {
            "\(try $0.decode(column: "court", as: String.self)) \(try $0.decode(column: "case_id", as: Int64.self))"
        }
        #expect(
            found == ["nysd 11", "nysd 10", "cacd 10", "nysd 9", "nysd 8", "cacd 8"],
            "the sealed 12th is not in the locator")
        // What is compared is not empty: the broad way finds the Müllers, newest first, sealed hidden.
        let (_, muller) = try await pages(["party": "muller"], with: .locator, seesSealed: false, on: pscSQL)
        let hits = muller.flatMap(\.hits)
        #expect(hits.count == 16 && muller.count == 8, "11 in nysd, 5 in cacd")
        #expect(hits.prefix(3).map(\.court.rawValue) == ["nysd", "nysd", "cacd"] && hits.first?.caseID == cases[10].id)
        #expect(hits.filter { $0.court.rawValue == "cacd" }.allSatisfy { $0.caseID.rawValue.isMultiple(of: 2) })
        let (_, sealedToo) = try await pages(
            ["party": "muller"], with: .court(court.id), seesSealed: true, on: courtSQL)
        #expect(sealedToo.flatMap(\.hits).first?.caseID == cases[11].id)
        await databases.shutdown()
    }
    /// Key by key, the lists of each key are a few of its newest cases; a case below the last of a
    /// list cut short must not stand in a page for a case of that key left out of the list.
    @Test(arguments: TestStorage.available)
    func keyByKeyTakesNoCaseBelowAListCutShort(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let locator = SQLCaseLocator(database: try await databases.psc())
        // Ten Acme Corp cases filed January 10 to 19 (the oldest a civil rights case, 442, the
        // rest 190), and one Acme Corporation case, a 442 too, filed January 5.
        for id in 1...11 {
            let number = CaseNumber(office: 1, year: 26, type: .cv, sequence: id, assignedJudge: "HE")!
            let courtCase = CourtCase(
                id: CaseID(Int64(id)), number: number, title: "Case \(id)",
                natureOfSuit: NatureOfSuit.named(id == 1 || id == 11 ? 442 : 190),
                dateFiled: DateOnly(year: 2026, month: 1, day: id == 11 ? 5 : 9 + id))
            let name = id == 11 ? "Acme Corporation" : "Acme Corp"
            let party = Party(id: Int64(id), caseID: courtCase.id, name: name, type: .defendant)
            try await locator.publish(
                LocatorRecord(court: court.id, courtCase: courtCase, parties: [party]), at: Date())
        }
        let pscSQL = try await databases.psc() as! any SQLDatabase
        // "acme corp" begins ten keys: six a list (two hits a page), cut short at January 14.
        let (_, civilRights) = try await pages(
            ["party": "acme", "natureOfSuit": "442"], with: .locator, seesSealed: false, on: pscSQL)
        #expect(civilRights.flatMap(\.hits).map(\.caseID.rawValue) == [1, 11])
        let (_, all) = try await pages(["party": "acme"], with: .locator, seesSealed: false, on: pscSQL)
        #expect(all.flatMap(\.hits).map(\.caseID.rawValue) == [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11])
        await databases.shutdown()
    }
}
