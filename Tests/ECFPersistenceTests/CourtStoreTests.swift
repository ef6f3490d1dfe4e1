import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

@Suite("Court logins, plans and notices in a court database")
struct CourtStoreTests {
    let created = Date(timeIntervalSince1970: 1_790_000_000)

    func login(_ name: String, email: String, secondaries: [String] = []) -> CourtAccount {
        CourtAccount(
            id: CourtAccountID(UUID()), court: CourtID("cacd"), login: CourtLogin(name)!, passwordHash: "$2b$04$hash",
            role: .attorney, firstName: "Avery", lastName: "Attorney", email: EmailAddress(email)!,
            secondaryEmails: secondaries.map { EmailAddress($0)! }, barNumber: "123456", barState: "CA",
            createdAt: created)
    }

    @Test(arguments: TestStorage.available)
    func accountsAreFoundByLoginAndByEveryAddress(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLCourtStore(court: CourtID("cacd"), database: try await databases.court(CourtID("cacd")))
        let avery = login("Avery-A", email: "avery@example.org", secondaries: ["assistant@example.org"])
        try await store.transaction { try await $0.insert(avery) }
        let found = try #require(try await store.account(login: CourtLogin("avery-a")!))
        #expect(found.id == avery.id && found.login.rawValue == "Avery-A" && found.barState == "CA")
        #expect(found.secondaryEmails.map(\.address) == ["assistant@example.org"])
        #expect(try await store.accounts(email: "assistant@example.org").map(\.id) == [avery.id])
        #expect(try await store.accounts(email: "avery@example.org").count == 1)
        #expect(try await store.accounts(email: "ant@example.org").isEmpty, "a part of an address is no match")
        await #expect(throws: CourtAccountConflict.loginTaken) {
            try await store.transaction { try await $0.insert(login("AVERY-A", email: "x@example.org")) }
        }
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func accountsAreReadByRoleAndByIDWithoutTheOthers(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLCourtStore(court: CourtID("cacd"), database: try await databases.court(CourtID("cacd")))
        var judge = login("judge-b", email: "judge@example.org")
        judge.role = .judge
        var clerk = login("clerk-c", email: "clerk@example.org")
        clerk.role = .clerk
        let attorneys = (0..<600).map { login("attorney\($0)", email: "a\($0)@example.org") }
        try await store.transaction { [judge, clerk] transaction in
            for account in [judge, clerk] + attorneys { try await transaction.insert(account) }
        }
        #expect(try await store.accounts(roles: [.judge]).map(\.id) == [judge.id])
        #expect(try await store.accounts(roles: [.judge, .clerk]).map(\.login.rawValue) == ["clerk-c", "judge-b"])
        #expect(try await store.accounts(roles: []).isEmpty)
        // More ids than one statement takes; an unknown id is left out.
        let wanted = Set(attorneys.prefix(550).map(\.id) + [CourtAccountID(UUID())])
        let found = try await store.accounts(ids: wanted)
        #expect(Set(found.map(\.id)) == Set(attorneys.prefix(550).map(\.id)))
        // A short list, padded to four with its last id, gives each account once.
        let three = Set(attorneys.prefix(3).map(\.id))
        let foundThree = try await store.accounts(ids: three)
        #expect(foundThree.count == 3 && Set(foundThree.map(\.id)) == three)
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func aPACERAccountLinksToOneLoginPerCourt(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLCourtStore(court: CourtID("cacd"), database: try await databases.court(CourtID("cacd")))
        let first = login("first", email: "one@example.org")
        let second = login("second", email: "two@example.org")
        try await store.transaction {
            try await $0.insert(first)
            try await $0.insert(second)
        }
        let pacer = AccountID(UUID())
        var linked = first
        linked.linkedAccount = pacer
        linked.linkedAt = created
        linked.passwordHash = nil
        let firstLinked = linked
        try await store.transaction { try await $0.update(firstLinked) }
        #expect(try await store.account(linkedTo: pacer)?.id == first.id)
        #expect(try await store.account(first.id)?.legacyPasswordWorks == false)
        var secondLinked = second
        secondLinked.linkedAccount = pacer
        let attempt = secondLinked
        await #expect(throws: (any Error).self, "the database refuses a second link of the same PACER account") {
            try await store.transaction { try await $0.update(attempt) }
        }
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func thePlanRoundTripsAndTheCutoverNoticeIsMarkedOnce(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLCourtStore(court: CourtID("cacd"), database: try await databases.court(CourtID("cacd")))
        #expect(try await store.plan() == .none)
        let nextGen = Date(timeIntervalSince1970: 1_800_000_000)
        let plan = CutoverPlan(nextGenAt: nextGen, blackouts: [.init(start: nextGen - 3600, end: nextGen)])
        try await store.transaction { try await $0.save(plan, at: created) }
        let read = try await store.plan()
        #expect(read.blackouts.count == 1 && read.phase(at: nextGen - 60) == .blackout)
        #expect(read.nextGenAt.map { abs($0.timeIntervalSince(nextGen)) < 1 } == true)
        async let a = store.transaction { try await $0.markCutoverNoticed(nextGenAt: nextGen, at: nextGen) }
        async let b = store.transaction { try await $0.markCutoverNoticed(nextGenAt: nextGen, at: nextGen) }
        let marks = try await [a, b]
        #expect(marks.filter { $0 }.count == 1)
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func theCourtsDocumentSettingsStartStandardAndKeepWhatTheClerkChose(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLCourtStore(court: CourtID("cacd"), database: try await databases.court(CourtID("cacd")))
        #expect(try await store.settings() == .standard)
        let chosen = CourtSettings(maxFileBytes: 50 * CourtSettings.megabyte, scannedPDFs: .warn)
        try await store.transaction { try await $0.save(chosen) }
        try await store.transaction { try await $0.save(chosen) }
        #expect(try await store.settings() == chosen)
        await databases.shutdown()
    }
}
