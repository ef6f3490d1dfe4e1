import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

@Suite("API tokens, webhooks and saved searches in their databases")
struct APIStoresTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let court = FederalCourts.court(CourtID("cacd"))!

    func account(in databases: ECFDatabases) async throws -> AccountID {
        let store = SQLAccountStore(database: try await databases.psc())
        let jane = PacerAccount(
            id: AccountID(UUID()), username: Username("jdoe\(Int.random(in: 1000...9999))")!,
            passwordHash: "$2b$04$hash", firstName: "Jane", lastName: "Doe", email: EmailAddress("jane@example.org")!,
            emailVerifiedAt: now, dateOfBirth: nil, address: nil, userType: .attorney, status: .active, createdAt: now,
            upgradedAt: nil)
        try await store.transaction { try await $0.insert(jane) }
        return jane.id
    }

    @Test(arguments: TestStorage.available)
    func tokensAreFoundByHashAndRevokedOnlyByTheirOwner(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let owner = try await account(in: databases)
        let store = SQLAPITokenStore(database: try await databases.psc())
        let token = APIToken(
            id: UUID(), accountID: owner, name: "robot", scopes: [.read, .file], tokenHash: "hash-1", hint: "wxyz",
            createdAt: now, expiresAt: now.addingTimeInterval(3600))
        try await store.insert(token)
        #expect(try await store.token(hash: "hash-1") == token)
        #expect(try await store.revoke(token.id, of: AccountID(UUID()), at: now) == nil, "not someone else's")
        try await store.recordUse(token.id, at: now)
        let revoked = try await store.revoke(token.id, of: owner, at: now.addingTimeInterval(5))
        #expect(revoked?.state(at: now.addingTimeInterval(6)) == .revoked && revoked?.lastUsedAt == now)
        #expect(try await store.tokens(of: owner).map(\.scopes) == [[.read, .file]])
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func webhooksWatchTheirCaseOrTheCourtAndAreDisabledWithTheirMailInOneTransaction(storage: TestStorage)
        async throws
    {
        let databases = storage.open(try storage.makeLocation())
        let docket = SQLDocketStore(database: try await databases.court(court.id))
        let store = SQLWebhookStore(database: try await databases.court(court.id))
        let owner = AccountID(UUID())
        let caseHook = Webhook(
            id: WebhookID(UUID()), owner: owner, caseID: CaseID(7), url: "https://example.org/a", secret: "s",
            createdAt: now)
        let courtHook = Webhook(
            id: WebhookID(UUID()), owner: owner, caseID: nil, url: "https://example.org/b", secret: "s", createdAt: now)
        let otherCase = Webhook(
            id: WebhookID(UUID()), owner: owner, caseID: CaseID(8), url: "https://example.org/c", secret: "s",
            createdAt: now)
        for hook in [caseHook, courtHook, otherCase] { try await store.insert(hook) }
        let watching = try await docket.transaction { try await $0.webhooks(watching: CaseID(7)) }
        #expect(Set(watching.map(\.id)) == [caseHook.id, courtHook.id])

        let mail = OutboxMessage(
            id: OutboxMessageID(UUID()), kind: .mail, payload: Data("{}".utf8), createdAt: now, nextAttemptAt: now)
        // A pass's failed deliveries recorded at once: each counted, none turns it off in the
        // same moment (WebhookPolicy.disables wants ten minutes of failing too).
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<WebhookPolicy.failuresBeforeDisabling {
                group.addTask {
                    _ = try await store.recordFailure(caseHook.id, reason: "refused", at: now, disabledMail: mail)
                }
            }
            try await group.waitForAll()
        }
        let burst = try await store.webhook(caseHook.id)
        #expect(burst?.isActive == true && burst?.consecutiveFailures == WebhookPolicy.failuresBeforeDisabling)
        #expect(burst?.failingSince == now)
        let later = now.addingTimeInterval(WebhookPolicy.failingPeriodBeforeDisabling)
        let off = try await store.recordFailure(caseHook.id, reason: "timed out", at: later, disabledMail: mail)
        #expect(off?.isActive == false && off?.disabledAt == later && off?.lastFailure == "timed out")
        let after = try await store.recordFailure(caseHook.id, reason: "refused", at: later, disabledMail: mail)
        #expect(after?.consecutiveFailures == WebhookPolicy.failuresBeforeDisabling + 1, "not counted once it is off")
        let outbox = try await SQLOutboxStore(database: try await databases.court(court.id)).due(at: now, limit: 10)
        #expect(outbox.map(\.id) == [mail.id], "the owner's mail is queued with the disabling")
        let stillWatching = try await docket.transaction { try await $0.webhooks(watching: CaseID(7)) }
        #expect(stillWatching.map(\.id) == [courtHook.id])
        try await store.enable(caseHook.id)
        let enabled = try await store.webhook(caseHook.id)
        #expect(enabled?.isActive == true && enabled?.consecutiveFailures == 0 && enabled?.failingSince == nil)
        _ = try await store.recordFailure(courtHook.id, reason: "refused", at: now, disabledMail: mail)
        try await store.recordDelivery(courtHook.id, at: later)
        let delivered = try await store.webhook(courtHook.id)
        #expect(
            delivered?.consecutiveFailures == 0 && delivered?.failingSince == nil && delivered?.lastDeliveredAt == later
        )
        try await store.delete(courtHook.id)
        #expect(try await store.webhooks(of: owner).count == 2)
        await databases.shutdown()
    }

    @Test(arguments: TestStorage.available)
    func savedSearchesComeDueAndTheirCheckAndMailCommitTogether(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let owner = try await account(in: databases)
        let store = SQLSavedSearchStore(database: try await databases.psc())
        var search = SavedSearch(
            id: UUID(), accountID: owner, name: "Acme", kind: .party, query: "Acme", frequency: .eachFiling,
            createdAt: now, lastCheckedAt: now, nextCheckAt: now.addingTimeInterval(60), notified: ["nysd:1"])
        try await store.insert(search)
        #expect(try await store.due(at: now, limit: 10).isEmpty)
        #expect(try await store.due(at: now.addingTimeInterval(60), limit: 10) == [search])
        search.notified.append("cacd:2")
        search.nextCheckAt = now.addingTimeInterval(120)
        let mail = OutboxMessage(
            id: OutboxMessageID(UUID()), kind: .mail, payload: Data("{}".utf8), createdAt: now, nextAttemptAt: now)
        try await store.recordCheck(search, mail: mail)
        #expect(try await store.searches(of: owner).first?.notified == ["nysd:1", "cacd:2"])
        #expect(
            try await SQLOutboxStore(database: try await databases.psc()).due(at: now, limit: 10).map(\.id) == [mail.id]
        )
        #expect(try await store.delete(search.id, of: AccountID(UUID())) == false)
        #expect(try await store.delete(search.id, of: owner) == true)
        await databases.shutdown()
    }
}
