import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

@Suite("The docket: gap-free entry numbers under concurrent filers")
struct DocketStoreTests {
    struct SystemTime: Clock { var now: Date { Date() } }
    struct Refused: Error {}

    let court = FederalCourts.court(CourtID("cacd"))!

    func openCase(_ store: SQLDocketStore) async throws -> CaseID {
        try await store.transaction { transaction in
            let sequence = try await transaction.nextCaseSequence(office: 2, year: 26, type: .cv)
            let number = CaseNumber(office: 2, year: 26, type: .cv, sequence: sequence, assignedJudge: "ABC")!
            return try await transaction.insert(
                caseWithNumber: number,
                CourtCase(
                    id: CaseID(0), number: number, title: "Roe v. Bolt Fasteners, Inc.",
                    natureOfSuit: NatureOfSuit.named(440), dateFiled: DateOnly(year: 2026, month: 11, day: 29)))
        }
    }

    func upload(_ name: String) -> RecordEntry.Upload {
        RecordEntry.Upload(
            description: name, originalFileName: "\(name).pdf", pages: 3, bytes: 1200,
            sha256: String(repeating: "a", count: 64))
    }

    @Test(arguments: TestStorage.available)
    func thirtyTwoConcurrentFilersNeverLeaveAGapOrADuplicate(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let caseID = try await openCase(store)
        let record = RecordEntry(store: store, court: court, clock: SystemTime())
        let motion = EventCatalog.event("motionToDismiss")!
        let entries = try await withThrowingTaskGroup(of: DocketEntry.self) { group in
            for filer in 1...32 {
                group.addTask {
                    try await record(
                        caseID: caseID, event: motion, text: "MOTION \(filer)", filedBy: nil,
                        uploads: [upload("Motion"), upload("Exhibit A")])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(entries.compactMap(\.number).sorted() == Array(1...32))
        let ids = entries.flatMap { $0.documents.map(\.id.rawValue) }
        #expect(Set(ids).count == 64 && ids.allSatisfy { $0.hasPrefix("0310") })
        let stored = try await store.entries(of: caseID)
        #expect(stored.map(\.seq) == Array(1...32) && stored.allSatisfy { $0.documents.count == 2 })
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func aRolledBackFilingGivesItsNumberBackAndMinuteEntriesAreUnnumbered(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let caseID = try await openCase(store)
        await #expect(throws: Refused.self) {
            try await store.transaction { transaction in
                _ = try await transaction.nextNumbers(of: caseID, numbered: true)
                throw Refused()
            }
        }
        let record = RecordEntry(store: store, court: court, clock: SystemTime())
        let first = try await record(
            caseID: caseID, event: EventCatalog.event("complaint")!, text: "COMPLAINT", filedBy: nil,
            uploads: [upload("Complaint")])
        #expect(first.number == 1)
        let minute = try await record(
            caseID: caseID, event: EventCatalog.event("minuteEntry")!, text: "MINUTE ENTRY", filedBy: nil, uploads: [])
        #expect(minute.number == nil && minute.seq == 2)
        let next = try await record(
            caseID: caseID, event: EventCatalog.event("answer")!, text: "ANSWER", filedBy: nil,
            uploads: [upload("Answer")])
        #expect(next.number == 2 && next.seq == 3)
        let second = try await openCase(store)
        #expect(try await store.courtCase(second)?.number.description == "2:26-cv-00002-ABC")
        await databases.shutdown()
    }

    struct FirstChoice: RandomSource {
        let pick: Int
        func index(below upperBound: Int) -> Int { pick % upperBound }
    }

    func account(_ login: String, _ role: CourtRole, _ first: String, _ last: String) -> CourtAccount {
        CourtAccount(
            id: CourtAccountID(UUID()), court: court.id, login: CourtLogin(login)!, passwordHash: nil, role: role,
            firstName: first, lastName: last, email: EmailAddress("\(login)@example.org")!, createdAt: Date())
    }

    @Test(arguments: TestStorage.available)
    func anAttorneyOpensACaseAndTheComplaintIsEntryOne(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let attorney = account("avery", .attorney, "Avery", "Attorney")
        let judges = [account("wright", .judge, "Otis", "Wright"), account("king", .judge, "Ada", "King")]
        let open = OpenCase(store: store, court: court, clock: SystemTime(), random: FirstChoice(pick: 1))
        let opened = try await open(
            .init(
                cover: .init(
                    title: "Roe v. Bolt Fasteners, Inc.", natureOfSuit: NatureOfSuit.named(440)!,
                    cause: "42:1983 Civil Rights Act",
                    jurisdiction: "Federal Question", juryDemand: "Plaintiff", demand: "",
                    parties: [
                        .init(name: "Jane Roe", type: .plaintiff, represented: true),
                        .init(name: "Bolt Fasteners, Inc.", type: .defendant, represented: false),
                    ]),
                complaint: upload("Complaint")),
            by: attorney, judges: judges,
            payment: Payment(
                receiptNumber: "TEST-0001", amount: Money(cents: 40_500), cardLastFour: "1111", paidAt: Date()),
            idempotencyKey: "avery:open-1")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) % 100
        #expect(opened.courtCase.number.description == String(format: "2:%02d-cv-00001-OW", year))
        #expect(opened.entry.number == 1 && opened.entry.documents.first?.id.rawValue == "031010000001")
        #expect(
            opened.entry.text
                == "COMPLAINT against Bolt Fasteners, Inc. (Filing fee $405.00, receipt number TEST-0001) filed by Plaintiff Jane Roe. (Attorney, Avery)"
        )
        let paid = try await store.payment(of: opened.courtCase.id, seq: opened.entry.seq)
        #expect(paid?.receiptNumber == "TEST-0001" && paid?.amount == Money(cents: 40_500))
        #expect(try await store.filing(forKey: "avery:open-1")?.seq == opened.entry.seq)
        let byNumber = try #require(CaseNumber(String(format: "2:%02d-cv-00001", year)))
        #expect(try await store.courtCase(number: byNumber)?.id == opened.courtCase.id)
        #expect(try await store.cases(participatedBy: attorney.id).map(\.id) == [opened.courtCase.id])
        #expect(try await store.cases(participatedBy: judges[0].id).isEmpty)
        let complaint = try #require(opened.entry.documents.first?.id)
        let restricted = try await store.transaction {
            try await $0.restrict(document: complaint, in: opened.courtCase.id, to: .caseParticipants)
        }
        let elsewhere = try await store.transaction {
            try await $0.restrict(document: complaint, in: CaseID(99), to: .sealed)
        }
        #expect(restricted && !elsewhere)
        #expect(try await store.document(complaint)?.document.restriction == .caseParticipants)
        let parties = try await store.parties(of: opened.courtCase.id)
        #expect(parties.map(\.name) == ["Jane Roe", "Bolt Fasteners, Inc."])
        let participations = try await store.participations(of: opened.courtCase.id)
        #expect(participations.count == 1 && participations.first?.partyID == parties.first?.id)
        #expect(participations.first?.kind == .attorney([.lead, .toBeNoticed]))
        #expect(try await store.courtCase(opened.courtCase.id)?.natureOfSuit?.code == 440)
        await databases.shutdown()
    }
}

extension DocketStoreTests {
    @Test(arguments: TestStorage.available)
    func aBankruptcyPetitionOpensAChapterCaseForItsDebtor(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let bankruptcy = FederalCourts.court(CourtID("nysb"))!
        let store = SQLDocketStore(database: try await databases.court(bankruptcy.id))
        let attorney = account("avery", .attorney, "Avery", "Attorney")
        let open = OpenBankruptcyCase(
            store: store, court: bankruptcy, clock: SystemTime(), random: FirstChoice(pick: 0))
        let opened = try await open(
            .init(
                debtor: "María Núñez", jointDebtor: "José Núñez", chapter: .thirteen, trustee: "Alex Kim",
                documents: [upload("Voluntary Petition"), upload("Schedules")]),
            by: attorney, judges: [account("chen", .judge, "Grace", "Chen")])
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) % 100
        #expect(opened.courtCase.number.description == String(format: "1:%02d-bk-00001-GC", year))
        let stored = try #require(try await store.courtCase(opened.courtCase.id))
        #expect(stored.chapter == .thirteen && stored.title == "María Núñez" && stored.natureOfSuit == nil)
        #expect(
            try await store.parties(of: stored.id).map { "\($0.type.label): \($0.name)" } == [
                "Debtor: María Núñez", "Joint Debtor: José Núñez", "Trustee: Alex Kim",
            ])
        #expect(try await store.participations(of: stored.id).count == 2, "Avery represents both debtors")
        #expect(
            opened.entry.text
                == "Chapter 13 Voluntary Petition (Filing fee $313.00) filed by Debtor María Núñez, Joint Debtor José Núñez. (Attachments: # 1 Schedules) (Attorney, Avery)"
        )
        #expect(opened.entry.documents.map(\.attachment) == [0, 1])
        await #expect(throws: CourtError.self) {
            _ = try await open(
                .init(debtor: "Acme Corp.", chapter: .eleven, documents: [upload("Voluntary Petition")]),
                by: attorney, judges: [])
        }
        // A district court takes no petition.
        let district = OpenBankruptcyCase(store: store, court: court, clock: SystemTime(), random: FirstChoice(pick: 0))
        await #expect(throws: CourtError.self) {
            _ = try await district(
                .init(debtor: "Acme Corp.", chapter: .seven, documents: [upload("Voluntary Petition")]),
                by: attorney, judges: [])
        }
        await databases.shutdown()
    }
}

extension DocketStoreTests {
    @Test(arguments: TestStorage.available)
    func aLongDocketIsReadAPageAtATimeInEitherOrderAndFiltered(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let caseID = try await store.transaction { transaction in
            let number = CaseNumber(office: 2, year: 26, type: .cv, sequence: 1, assignedJudge: nil)!
            let id = try await transaction.insert(
                caseWithNumber: number,
                CourtCase(
                    id: CaseID(0), number: number, title: "Long v. Docket", natureOfSuit: nil,
                    dateFiled: DateOnly(year: 2026, month: 1, day: 1)))
            let start = ISO8601DateFormatter().date(from: "2026-01-01T17:00:00Z")!
            for index in 0..<1_203 {
                // Every tenth entry an unnumbered minute entry; one entry a day.
                let numbers = try await transaction.nextNumbers(of: id, numbered: index % 10 != 9)
                let filed = start.addingTimeInterval(Double(index) * 86_400)
                try await transaction.insert(
                    DocketEntry(
                        caseID: id, seq: numbers.seq, number: numbers.number, dateFiled: filed, dateEntered: filed,
                        text: "ENTRY \(index)", eventID: "order", filedBy: nil))
            }
            return id
        }
        let zone = TimeZone(identifier: "America/New_York")!
        func all(_ filter: DocketFilter) async throws -> [DocketEntry] {
            var read: [DocketEntry] = []
            var after: Int?
            repeat {
                let page = try await store.entries(of: caseID, filter, zone: zone, after: after, limit: 500)
                read += page
                after = page.count == 500 ? page.last?.seq : nil
            } while after != nil
            return read
        }
        let oldest = try await all(DocketFilter())
        #expect(oldest.map(\.seq) == Array(1...1_203))
        var newest = DocketFilter()
        newest.newestFirst = true
        #expect(try await all(newest).map(\.seq) == Array((1...1_203).reversed()))
        var numbers = DocketFilter()
        numbers.documentFrom = 500
        numbers.documentTo = 1_000
        let ranged = try await all(numbers)
        #expect(ranged.compactMap(\.number) == Array(500...1_000) && ranged.count == 501)
        var days = DocketFilter()
        days.filedFrom = DateOnly(year: 2026, month: 1, day: 10)
        days.filedTo = DateOnly(year: 2026, month: 1, day: 12)
        #expect(try await all(days).map(\.text) == ["ENTRY 9", "ENTRY 10", "ENTRY 11"])
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func everyChangeToADocketRaisesItsRevisionAndNothingElseDoes(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLDocketStore(database: try await databases.court(court.id))
        let caseID = try await openCase(store)
        let other = try await openCase(store)
        #expect(try await store.courtCaseAndRevision(caseID)?.docketRevision == 0)
        #expect(try await store.courtCaseAndRevision(CaseID(999_999)) == nil)
        let record = RecordEntry(store: store, court: court, clock: SystemTime())
        let entry = try await record(
            caseID: caseID, event: EventCatalog.event("complaint")!, text: "COMPLAINT", filedBy: nil,
            uploads: [upload("Complaint"), upload("Exhibit A")])
        var seen = try #require(try await store.courtCaseAndRevision(caseID)?.docketRevision)
        #expect(seen > 0)
        /// Each change must leave a higher revision than the one before it.
        func expectRaised(by change: String, _ body: @escaping @Sendable (any DocketTransaction) async throws -> Bool)
            async throws
        {
            #expect(try await store.transaction(body), "\(change) found nothing to change")
            let now = try #require(try await store.courtCaseAndRevision(caseID)?.docketRevision)
            #expect(now > seen, "\(change) left the docket's revision at \(now)")
            seen = now
        }
        try await expectRaised(by: "new text") {
            try await $0.replaceText(of: caseID, seq: entry.seq, with: "AMENDED COMPLAINT", at: Date(), by: "clerk")
        }
        try await expectRaised(by: "striking") { try await $0.strike(caseID, seq: entry.seq, at: Date()) }
        try await expectRaised(by: "sealing the entry") { try await $0.restrict(caseID, seq: entry.seq, to: .sealed) }
        let exhibit = entry.documents[1].id
        try await expectRaised(by: "restricting a document") {
            try await $0.restrict(document: exhibit, in: caseID, to: .caseParticipants)
        }
        try await expectRaised(by: "sealing the case") { try await $0.restrict(caseID, to: .sealed) }
        // A change that finds nothing, or changes another case, leaves the revision as it was.
        #expect(try await store.transaction { try await $0.strike(caseID, seq: 99, at: Date()) } == false)
        _ = try await record(
            caseID: other, event: EventCatalog.event("complaint")!, text: "COMPLAINT", filedBy: nil,
            uploads: [upload("Complaint")])
        #expect(try await store.courtCaseAndRevision(caseID)?.docketRevision == seen)
        await databases.shutdown()
    }
}
