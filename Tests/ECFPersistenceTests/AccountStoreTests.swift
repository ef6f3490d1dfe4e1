import ECFDomain
import ECFPersistence
import ECFServices
import Foundation
import Testing

@Suite("PACER accounts in the PSC database")
struct AccountStoreTests {
    func account(_ username: String, email: String) -> PacerAccount {
        PacerAccount(
            id: AccountID(UUID()), username: Username(username)!, passwordHash: "$2b$04$hash", firstName: "Jane",
            lastName: "Doe", email: EmailAddress(email)!, emailVerifiedAt: nil,
            dateOfBirth: DateOnly(year: 1985, month: 4, day: 12),
            address: PostalAddress(
                street: "1 Main St", city: "Los Angeles", state: "CA", postalCode: "90012", county: "Los Angeles"),
            userType: .attorney, status: .pendingVerification, createdAt: Date(timeIntervalSince1970: 1_790_000_000),
            upgradedAt: nil)
    }

    @Test(arguments: TestStorage.available)
    func storesAccountsTokensAndSessions(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let store = SQLAccountStore(database: try await databases.psc())
        let jane = account("jdoe2026", email: "jane@example.org")
        try await store.transaction { try await $0.insert(jane) }
        #expect(try await store.account(username: Username("JDoe2026")!) == jane)
        // By id, as every signed-in request reads it: column by column on the PSC's reader.
        #expect(try await store.account(jane.id) == jane)
        let roe = PacerAccount(
            id: AccountID(UUID()), username: Username("rroe2026")!, passwordHash: "$2b$04$other", firstName: "Richard",
            lastName: "Roe", email: EmailAddress("roe@example.org")!,
            emailVerifiedAt: Date(timeIntervalSince1970: 1_790_000_100), dateOfBirth: nil, address: nil, userType: nil,
            status: .active, createdAt: Date(timeIntervalSince1970: 1_790_000_000),
            upgradedAt: Date(timeIntervalSince1970: 1_790_000_200),
            lockedUntil: Date(timeIntervalSince1970: 1_790_000_300),
            mustChangePassword: true)
        try await store.transaction { try await $0.insert(roe) }
        #expect(try await store.account(roe.id) == roe)
        #expect(try await store.transaction { try await $0.account(roe.id) } == roe, "as the record reads it")
        #expect(try await store.accounts(emailCanonical: "jane@example.org").count == 1)
        #expect(try await store.accounts(firstName: "JANE", lastName: "doe", dateOfBirth: jane.dateOfBirth!).count == 1)

        await #expect(throws: AccountConflict.usernameTaken) {
            try await store.transaction { try await $0.insert(account("JDOE2026", email: "other@example.org")) }
        }

        let token = AccountToken(
            id: UUID(), accountID: jane.id, purpose: .passwordReset, tokenHash: "abc123", createdAt: Date())
        try await store.transaction { try await $0.insert(token) }
        let first = try await store.transaction { try await $0.useToken(token.id, at: Date()) }
        let second = try await store.transaction { try await $0.useToken(token.id, at: Date()) }
        #expect(first && !second, "a token is used once")

        let counts = try await store.transaction { transaction in
            [
                try await transaction.recordFailedSignIn(jane.id, at: Date()),
                try await transaction.recordFailedSignIn(jane.id, at: Date()),
            ]
        }
        #expect(counts == [1, 2])
        #expect(try await store.failedSignIns(jane.id).count == 2)

        let session = SignInSession(id: SessionID(UUID()), accountID: jane.id, createdAt: Date())
        let other = SignInSession(id: SessionID(UUID()), accountID: jane.id, createdAt: Date())
        try await store.transaction {
            try await $0.insert(session)
            try await $0.insert(other)
        }
        let ended = try await store.transaction {
            try await $0.endSessions(of: jane.id, except: session.id, at: Date())
        }
        #expect(ended == 1)
        #expect(try await store.session(session.id)?.isActive(at: Date()) == true)
        #expect(try await store.session(other.id)?.isActive(at: Date()) == false)
        await databases.shutdown()
    }
}
