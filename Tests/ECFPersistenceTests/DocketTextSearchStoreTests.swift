import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

@Suite("Full-text search of docket text in a court's database and in the national locator")
struct DocketTextSearchStoreTests {
    let court = FederalCourts.court(CourtID("nysd"))!
    let day: TimeInterval = 86_400
    /// 1 March 2026, noon in New York.
    let start = ISO8601DateFormatter().date(from: "2026-03-01T17:00:00Z")!

    /// A case (sealed or not) with one entry per text, filed a day apart; the restriction of each.
    func docket(
        _ store: SQLDocketStore, sealed: Bool = false, _ texts: [(String, Restriction)], startingDay: Int = 0
    ) async throws -> CourtCase {
        try await store.transaction { transaction in
            let sequence = try await transaction.nextCaseSequence(office: 1, year: 26, type: .cv)
            let number = CaseNumber(office: 1, year: 26, type: .cv, sequence: sequence, assignedJudge: "HE")!
            let draft = CourtCase(
                id: CaseID(0), number: number, title: "Müller v. Northwind \(sequence)", natureOfSuit: nil,
                dateFiled: DateOnly(year: 2026, month: 3, day: 1), restriction: sealed ? .sealed : .public)
            let id = try await transaction.insert(caseWithNumber: number, draft)
            for (index, (text, restriction)) in texts.enumerated() {
                let numbers = try await transaction.nextNumbers(of: id, numbered: true)
                let filed = start.addingTimeInterval(Double(startingDay + index) * day)
                try await transaction.insert(
                    DocketEntry(
                        caseID: id, seq: numbers.seq, number: numbers.number, dateFiled: filed, dateEntered: filed,
                        text: text, eventID: "motion", filedBy: nil, restriction: restriction))
            }
            return CourtCase(
                id: id, number: number, title: draft.title, natureOfSuit: nil, dateFiled: draft.dateFiled,
                restriction: draft.restriction)
        }
    }

    func read(_ answers: [String: String]) throws -> DocketTextSearch {
        try DocketTextSearch.read({ answers[$0] }).get()
    }

    /// The sequence numbers of every entry the locator finds for `word`, a page after another.
    func everyHit(of word: String, in locator: SQLCaseLocator) async throws -> Set<Int> {
        var seen: Set<Int> = []
        var answers = ["q": word, "limit": "100"]
        while true {
            let page = try await locator.searchText(read(answers))
            seen.formUnion(page.hits.map(\.seq))
            guard let next = page.next else { return seen }
            answers["cursor"] = next.description
        }
    }

    @Test(arguments: TestStorage.available)
    func publicEntriesComeAPageAtATimeNewestFirstThroughTies(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        // Two cases entered on the same days: each day's entries tie on the date entered.
        _ = try await docket(store, [("A1", .public), ("A2", .public), ("A3 sealed", .sealed), ("A4", .public)])
        _ = try await docket(store, [("B1", .public), ("B2", .public)])
        var seen: [String] = []
        var after: (caseID: CaseID, seq: Int)?
        for _ in 0..<10 {
            let page = try await store.publicEntries(limit: 2, in: nil, events: nil, filed: nil, after: after)
            seen += page.map(\.entry.text)
            guard page.count == 2, let last = page.last?.entry else { break }
            after = (last.caseID, last.seq)
        }
        #expect(seen == ["A4", "B2", "A2", "B1", "A1"])
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func aCourtFindsWordsPrefixesAndPhrasesButNotWhatThePublicMayNotSee(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let open = try await docket(
            store,
            [
                ("COMPLAINT for breach of contract filed by Müller GmbH.", .public),
                ("MOTION to Compel Discovery filed by Northwind.", .public),
                ("SEALED MOTION to Compel the deposition of a witness.", .sealed),
                ("ORDER granting motion to compel discovery.", .public),
            ])
        _ = try await docket(store, sealed: true, [("MOTION to Compel in a sealed case.", .public)], startingDay: 10)
        func search(_ answers: [String: String], staff: Bool = false) async throws -> [String] {
            try await store.searchText(read(answers), court: court.id, seesRestricted: staff).hits.map(\.text)
        }
        #expect(
            try await search(["q": "compel", "sort": "date"]) == [
                "ORDER granting motion to compel discovery.", "MOTION to Compel Discovery filed by Northwind.",
            ])
        #expect(try await search(["q": "compel"], staff: true).count == 4)
        // A word finds the words it begins; accents and capitals do not matter.
        #expect(try await search(["q": "MULL"]) == ["COMPLAINT for breach of contract filed by Müller GmbH."])
        #expect(try await search(["q": "disc comp"]).count == 2)
        #expect(
            try await search(["q": "\"compel discovery\"", "sort": "date"]) == [
                "ORDER granting motion to compel discovery.", "MOTION to Compel Discovery filed by Northwind.",
            ])
        #expect(
            try await search(["q": "\"motion to compel\" northwind"]) == [
                "MOTION to Compel Discovery filed by Northwind."
            ])
        #expect(try await search(["q": "\"discovery compel\""]).isEmpty)
        #expect(try await search(["q": "deposition"]).isEmpty)
        #expect(try await search(["q": "deposition"], staff: true).count == 1)
        // Text with what a full-text engine would read as its own syntax is searched as words.
        #expect(try await search(["q": "compel* OR NEAR(\"x\") -discovery"]).isEmpty)
        // The date range is the court's days (entry 2 was filed 2 March, New York time).
        #expect(
            try await search(["q": "motion", "filedFrom": "2026-03-02", "filedTo": "2026-03-02"]) == [
                "MOTION to Compel Discovery filed by Northwind."
            ])
        // A corrected text is found by its new words only.
        try await store.transaction { transaction in
            _ = try await transaction.replaceText(
                of: open.id, seq: 2, with: "MOTION to Quash Subpoena filed by Northwind.", at: Date(), by: "clerk")
        }
        #expect(try await search(["q": "quash"]).count == 1)
        #expect(try await search(["q": "compel", "sort": "date"]) == ["ORDER granting motion to compel discovery."])
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func pagesFollowEachOtherWithoutRepeatsInEitherOrder(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let texts = (1...7).map {
            ("ORDER number \($0) on the motion" + String(repeating: " motion", count: $0), Restriction.public)
        }
        _ = try await docket(store, texts)
        for sort in ["date", "relevance"] {
            var seen: [Int] = []
            var answers = ["q": "motion", "sort": sort, "limit": "3"]
            while true {
                let page = try await store.searchText(read(answers), court: court.id, seesRestricted: false)
                seen += page.hits.map(\.seq)
                guard let next = page.next else { break }
                answers["cursor"] = next.description
            }
            #expect(seen.count == 7 && Set(seen).count == 7, "\(sort): \(seen)")
            if sort == "date" { #expect(seen == [7, 6, 5, 4, 3, 2, 1]) }
            // The entry that says "motion" most often is the best match.
            if sort == "relevance" { #expect(seen.first == 7) }
        }
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func theLocatorKeepsOnlyPublicEntriesOfPublicCases(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let locator = SQLCaseLocator(database: try await databases.psc())
        let open = try await docket(
            store, [("MOTION to Compel filed by Northwind.", .public), ("SEALED EXHIBIT to the motion.", .sealed)])
        let sealed = try await docket(store, sealed: true, [("MOTION to Compel in a sealed case.", .public)])
        for courtCase in [open, sealed] {
            try await locator.publish(
                LocatorRecord(
                    court: court.id, courtCase: courtCase, parties: [],
                    entries: try await store.entries(of: courtCase.id)),
                at: Date())
        }
        func search(_ answers: [String: String]) async throws -> [String] {
            try await locator.searchText(read(answers)).hits.map { "\($0.court):\($0.caseNumber):\($0.text)" }
        }
        #expect(try await search(["q": "motion"]) == ["nysd:\(open.number):MOTION to Compel filed by Northwind."])
        #expect(try await search(["q": "motion", "court": "cacd"]).isEmpty)
        #expect(try await search(["q": "motion", "filedFrom": "2026-03-02"]).isEmpty)
        // One entry sealed later: the court tells the locator, which drops it.
        let removal: [Int: LocatorEntry?] = [1: nil]
        try await locator.publish(entries: removal, court: court.id, caseID: open.id)
        #expect(try await search(["q": "motion"]).isEmpty)
        let entry = try #require(try await store.entry(open.id, seq: 1))
        for _ in 1...2 {
            try await locator.publish(
                entries: [1: LocatorEntry(court: court.id, courtCase: open, entry: entry)], court: court.id,
                caseID: open.id)
        }
        #expect(try await search(["q": "compel"]).count == 1)
        // The whole case sealed: its record carries no entries, and the old ones are gone.
        var sealedNow = open
        sealedNow.restriction = .sealed
        try await locator.publish(
            LocatorRecord(
                court: court.id, courtCase: sealedNow, parties: [], entries: try await store.entries(of: open.id)),
            at: Date())
        #expect(try await search(["q": "compel"]).isEmpty)
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func aCaseOfMoreEntriesThanOneTransactionWritesIsPublishedWholeAndReplacedWhole(storage: TestStorage)
        async throws
    {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let locator = SQLCaseLocator(database: try await databases.psc())
        // 1,203 entries: three transactions' worth and a bit; every one says "hearing".
        let texts = (1...1_203).map { ("NOTICE of hearing number \($0).", Restriction.public) }
        let courtCase = try await docket(store, texts)
        let entries = try await store.entries(of: courtCase.id)
        func published(_ entries: [DocketEntry]) async throws {
            try await locator.publish(
                LocatorRecord(court: court.id, courtCase: courtCase, parties: [], entries: entries), at: Date())
        }
        try await published(entries)
        #expect(try await everyHit(of: "hearing", in: locator) == Set(1...1_203))
        // Published again with fewer entries (the rest sealed since): exactly those remain.
        try await published(Array(entries.prefix(700)))
        #expect(try await everyHit(of: "hearing", in: locator) == Set(1...700))
        await databases.shutdown()
    }

    struct SystemTime: Clock { var now: Date { Date() } }

    @Test(arguments: TestStorage.available)
    func aCourtPublishesALongCaseToTheLocatorAPageAtATimeWithOnlyItsPublicEntries(storage: TestStorage)
        async throws
    {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let locator = SQLCaseLocator(database: try await databases.psc())
        // 1,203 entries, every hundredth sealed: more than two pages of the publisher's.
        let texts = (1...1_203).map { ("ORDER on hearing \($0).", $0 % 100 == 0 ? Restriction.sealed : .public) }
        let courtCase = try await docket(store, texts)
        let publish = PublishToLocator(stores: SQLCourtStores(databases: databases), feed: locator, clock: SystemTime())
        try await publish.handle(.locator(courtCase.id, at: Date()), from: .court(court.id))
        #expect(try await everyHit(of: "hearing", in: locator) == Set((1...1_203).filter { $0 % 100 != 0 }))
        await databases.shutdown()
    }
}
