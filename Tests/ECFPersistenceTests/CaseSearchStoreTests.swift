import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

@Suite("Case search in a court's database and in the national locator")
struct CaseSearchStoreTests {
    let court = FederalCourts.court(CourtID("nysd"))!

    /// Opens `count` cases filed on consecutive days, the last sealed; party names with accents.
    func openCases(_ store: SQLDocketStore, count: Int) async throws -> [CourtCase] {
        var cases: [CourtCase] = []
        for index in 1...count {
            let opened = try await store.transaction { transaction in
                let sequence = try await transaction.nextCaseSequence(office: 1, year: 26, type: .cv)
                let number = CaseNumber(office: 1, year: 26, type: .cv, sequence: sequence, assignedJudge: "HE")!
                let draft = CourtCase(
                    id: CaseID(0), number: number, title: "Müller \(index) v. O'Brien & Sons",
                    natureOfSuit: NatureOfSuit.named(index == 1 ? 442 : 190),
                    dateFiled: DateOnly(year: 2026, month: 1, day: index),
                    restriction: index == count ? .sealed : .public)
                let id = try await transaction.insert(caseWithNumber: number, draft)
                _ = try await transaction.insert(party: "Jürgen Müller \(index)", type: .plaintiff, in: id)
                _ = try await transaction.insert(party: "O'Brien & Sons", type: .defendant, in: id)
                return CourtCase(
                    id: id, number: number, title: draft.title, natureOfSuit: draft.natureOfSuit,
                    dateFiled: draft.dateFiled, restriction: draft.restriction)
            }
            cases.append(opened)
        }
        return cases
    }

    @Test(arguments: TestStorage.available)
    func aCourtsSearchPagesNewestFirstAndHidesWhatSealingHides(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let cases = try await openCases(store, count: 5)
        func search(_ answers: [String: String], court seesSealed: Bool = false) async throws -> CaseSearchPage {
            try await store.searchCases(
                try CaseSearch.read({ answers[$0] }).get(), court: court.id, seesSealed: seesSealed)
        }
        var seen: [String] = []
        var answers = ["limit": "2"]
        while true {
            let page = try await search(answers)
            seen += page.hits.map(\.number)
            guard let next = page.next else { break }
            answers["cursor"] = next.description
        }
        #expect(seen == cases.reversed().map(\.number.description))
        let all = try await search([:])
        #expect(all.hits.first?.title == "Sealed" && all.hits.first?.dateFiled == nil)
        #expect(try await search(["party": "muller"]).hits.count == 4)
        #expect(try await search(["party": "muller"], court: true).hits.count == 5)
        #expect(try await search(["party": "o brien"]).hits.count == 4)
        #expect(try await search(["party": "JURGEN MÜLLER 3"]).hits.map(\.caseID) == [cases[2].id])
        #expect(try await search(["number": "26-5"]).hits.map(\.title) == ["Sealed"])
        #expect(try await search(["natureOfSuit": "442"]).hits.map(\.caseID) == [cases[0].id])
        #expect(try await search(["filedFrom": "2026-01-02", "filedTo": "2026-01-03"]).hits.count == 2)
        #expect(try await search(["status": "closed"]).hits.isEmpty)
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func theLocatorKeepsTheLatestRecordOfEachCourtsCase(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let cases = try await openCases(store, count: 2)
        let locator = SQLCaseLocator(database: try await databases.psc())
        for other in ["nysd", "cacd"] {
            for courtCase in cases {
                let parties = try await store.parties(of: courtCase.id)
                try await locator.publish(
                    LocatorRecord(court: CourtID(other), courtCase: courtCase, parties: parties), at: Date())
            }
        }
        // Published twice: still one row per case.
        try await locator.publish(
            LocatorRecord(
                court: CourtID("nysd"), courtCase: cases[0], parties: try await store.parties(of: cases[0].id)),
            at: Date())
        let found = try await locator.search(try CaseSearch.read({ ["party": "jurgen"][$0] }).get())
        #expect(found.hits.map(\.court.rawValue) == ["nysd", "cacd"])
        #expect(found.hits.map(\.caseID) == [cases[0].id, cases[0].id])
        let sealed = try await locator.search(
            try CaseSearch.read({ ["court": "cacd", "number": "1:26-cv-2"][$0] }).get())
        #expect(sealed.hits.map(\.title) == ["Sealed"])
        // A number without its office or type, through the locator's index of year and sequence.
        let first = try await locator.search(try CaseSearch.read({ ["number": "26-1"][$0] }).get())
        #expect(first.hits.map { "\($0.court):\($0.caseID.rawValue)" } == ["nysd:1", "cacd:1"])
        var seen: [String] = []
        var answers = ["limit": "1"]
        while true {
            let page = try await locator.search(try CaseSearch.read({ answers[$0] }).get())
            seen += page.hits.map { "\($0.court):\($0.caseID.rawValue)" }
            guard let next = page.next else { break }
            answers["cursor"] = next.description
        }
        #expect(seen == ["nysd:2", "cacd:2", "nysd:1", "cacd:1"])
        await databases.shutdown()
    }
}
