import ECFDomain
import ECFPersistence
import ECFServices
import FluentKit
import Foundation
import Testing

@Suite("The outbox is written in the transaction of the change that causes it")
struct TransactionalOutboxTests {
    struct Refused: Error {}

    func message() throws -> OutboxMessage {
        let id = UUID()
        let mail = OutgoingMail(
            messageID: MessageIDs.make(id, domain: "test.example"), from: EmailAddress("noreply@test.example")!,
            to: [EmailAddress("a@example.org")!], subject: "Notice", textBody: "Body")
        return try OutboxMessage.mail(mail, id: OutboxMessageID(id), at: Date())
    }

    @Test(arguments: TestStorage.available)
    func aRolledBackChangeLeavesNoMessage(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let psc = try await databases.psc()
        let court = FederalCourts.court(CourtID("cacd"))!
        do {
            try await psc.transaction { transaction in
                _ = try await SQLCourtRegistryStore(database: transaction).enable(court, at: Date())
                try await SQLOutboxStore(database: transaction).enqueue(try message())
                throw Refused()
            }
            Issue.record("the transaction committed")
        } catch is Refused {}
        #expect(try await SQLOutboxStore(database: psc).backlog() == 0)
        #expect(try await SQLCourtRegistryStore(database: psc).enabledCourts().isEmpty)

        try await psc.transaction { transaction in
            _ = try await SQLCourtRegistryStore(database: transaction).enable(court, at: Date())
            try await SQLOutboxStore(database: transaction).enqueue(try message())
        }
        #expect(try await SQLOutboxStore(database: psc).backlog() == 1)
        #expect(try await SQLCourtRegistryStore(database: psc).enabledCourts().count == 1)
        await databases.shutdown()
    }

    /// A body that messages share is written in their transaction, and read back whole for them.
    @Test(arguments: TestStorage.available)
    func aSharedBodyIsWrittenWithItsMessagesAndReadBackWhole(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let psc = try await databases.psc()
        let body = SharedMailBody(
            id: SharedMailBodyID(UUID()), textHead: "Case Name: Roe v. Bolt\n", textTail: "\nLee Jordan — “served”\n",
            htmlHead: "<p>Case</p>", htmlTail: nil)
        do {
            try await psc.transaction { transaction in
                try await SQLOutboxStore(database: transaction).insert(body)
                try await SQLOutboxStore(database: transaction).enqueue(try message())
                throw Refused()
            }
        } catch is Refused {}
        let outbox = SQLOutboxStore(database: psc)
        #expect(try await outbox.sharedBodies([body.id]).isEmpty, "rolled back with its messages")
        try await psc.transaction { transaction in
            try await SQLOutboxStore(database: transaction).insert(body)
            try await SQLOutboxStore(database: transaction).enqueue(try message())
        }
        let unknown = SharedMailBodyID(UUID())
        #expect(try await outbox.sharedBodies([body.id, unknown]) == [body.id: body])
        #expect(try await outbox.sharedBodies([]).isEmpty)
        await databases.shutdown()
    }
}
