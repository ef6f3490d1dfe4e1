import ECFDomain
import Foundation
import Logging
import Synchronization
import Testing

@testable import ECFServices

@Suite("Outbox delivery")
struct DeliverOutboxTests {
    let clock = FixedClock(try! Date("2026-03-06T12:00:00Z", strategy: .iso8601))
    let psc = FakeOutboxStore()
    let court = FakeOutboxStore()
    let mail = FakeMailTransport()

    func deliver() -> DeliverOutbox {
        DeliverOutbox(
            directory: FakeOutboxDirectory(stores: [(.psc, psc), (.court(CourtID("cacd")), court)]),
            mail: mail, clock: clock, policy: RetryPolicy(initialDelay: 5, maximumDelay: 60, permanentFailureLimit: 3),
            logger: Logger(label: "test"))
    }

    func queue(to address: String, in store: FakeOutboxStore, ids: SequentialIDs = SequentialIDs()) async throws
        -> OutboxMessageID
    {
        let queued = try await QueueTestMail(
            outbox: store, clock: clock, ids: ids, from: EmailAddress("noreply@localhost")!,
            messageIDDomain: "localhost"
        )(to: EmailAddress(address)!)
        let id = try await store.due(at: clock.now, limit: 100).first {
            $0.id.description == queued.messageID.dropFirst().split(separator: "@").first.map(String.init)
        }
        return try #require(id).id
    }

    @Test func deliversEveryOutboxAndMarksDelivered() async throws {
        let first = try await queue(to: "a@example.org", in: psc)
        let second = try await queue(to: "b@example.org", in: court)
        let report = try await deliver()()
        #expect(report.delivered == 2)
        #expect(mail.sent.withLock { $0.map(\.to[0].address).sorted() } == ["a@example.org", "b@example.org"])
        #expect(psc.message(first)?.status == .delivered)
        #expect(court.message(second)?.status == .delivered)
        #expect(try await deliver()().delivered == 0, "a delivered message is not sent again")
    }

    /// A pass after a ring looks in the outboxes that rang alone.
    @Test func aPassOverTheOutboxesThatRangLeavesTheOthers() async throws {
        let first = try await queue(to: "a@example.org", in: psc)
        let second = try await queue(to: "b@example.org", in: court)
        let report = try await deliver()(only: [.court(CourtID("cacd"))])
        #expect(report.delivered == 1 && report.deliveredFrom == [.court(CourtID("cacd"))])
        #expect(court.message(second)?.status == .delivered)
        #expect(psc.message(first)?.status == .pending, "left for a pass over every outbox")
        #expect(try await deliver()(only: nil).deliveredFrom == [.psc], "the court's outbox had nothing left")
        #expect(psc.message(first)?.status == .delivered)
    }

    @Test func aBurstGoesOutTogetherAndOneRefusalStaysWithItsMessage() async throws {
        let ids = SequentialIDs()
        var queued: [OutboxMessageID] = []
        for index in 0..<9 { queued.append(try await queue(to: "n\(index)@example.org", in: court, ids: ids)) }
        mail.refusing.withLock { $0 = ["n4@example.org"] }
        let report = try await deliver()()
        #expect(report.delivered == 8 && report.retried == 1)
        #expect(mail.sent.withLock { $0.count } == 8)
        for (index, id) in queued.enumerated() {
            #expect(court.message(id)?.status == (index == 4 ? .pending : .delivered), "message \(index)")
        }
        #expect(court.message(queued[4])?.attempts == 1)
    }

    @Test func eachPersonsMailArrivesInTheOrderItWasQueued() async throws {
        let ids = SequentialIDs()
        var queued: [String: [String]] = [:]
        for _ in 0..<5 {
            for person in ["ann", "bo", "cy", "di", "ed", "flo"] {
                let id = try await queue(to: "\(person)@example.org", in: court, ids: ids)
                queued["\(person)@example.org", default: []].append(id.description)
                clock.advance(by: 0.001)  // queued one after another, as separate use cases do
            }
        }
        #expect(try await deliver()().delivered == 30)
        let sent = mail.sent.withLock { $0 }
        for (address, order) in queued {
            let arrived = sent.filter { $0.to[0].address == address }.map {
                String($0.messageID.dropFirst().split(separator: "@")[0])
            }
            #expect(arrived == order, "\(address)")
        }
        // Six people, five messages each, over the four connections: a person's five on one.
        #expect(mail.connections.withLock { $0 }.map(\.count).sorted() == [5, 5, 10, 10])
    }

    /// A filing's notices keep every connection busy to the end: each person new to a pass goes
    /// on the connection with the fewest bytes so far, and a person's mail stays on one.
    @Test func aPassSharesItsMailOutByBytesAndKeepsEachPersonOnOneConnection() throws {
        func mail(to person: String, bytes: Int) -> OutgoingMail {
            OutgoingMail(
                messageID: "<\(person)-\(bytes)@localhost>", from: EmailAddress("noreply@localhost")!,
                to: [EmailAddress("\(person)@example.org")!], subject: "Notice",
                textBody: String(repeating: "x", count: bytes))
        }
        let evenly = DeliverOutbox.shares(
            of: (0..<12).map { ($0, mail(to: "p\($0)", bytes: 100)) }, among: 4)
        #expect(evenly.map { $0.map(\.0) } == [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]])
        // One long message weighs as much as ten short ones; Ann's second stays behind her first.
        let mails =
            [mail(to: "big", bytes: 1_000), mail(to: "ann", bytes: 100)]
            + (1...5).map { mail(to: "p\($0)", bytes: 100) } + [mail(to: "ANN", bytes: 100)]
        let byBytes = DeliverOutbox.shares(of: mails.enumerated().map { ($0.offset, $0.element) }, among: 2)
        #expect(byBytes.map { $0.map(\.0) } == [[0], [1, 2, 3, 4, 5, 6, 7]])
        #expect(DeliverOutbox.shares(of: [(0, mail(to: "ann", bytes: 1))], among: 4).count == 1)
        #expect(DeliverOutbox.shares(of: [(Int, OutgoingMail)](), among: 4).isEmpty)
    }

    @Test func aServerThatIsDownDelaysButNeverLoses() async throws {
        let id = try await queue(to: "a@example.org", in: psc)
        mail.mode.withLock { $0 = .down }
        for attempt in 1...5 {
            let report = try await deliver()()
            #expect(report.retried == 1)
            let message = try #require(psc.message(id))
            #expect(message.status == .pending)
            #expect(message.attempts == attempt)
            #expect(try await deliver()().retried == 0, "not retried before its backoff")
            clock.advance(by: RetryPolicy(initialDelay: 5, maximumDelay: 60).delay(afterAttempts: attempt))
        }
        mail.mode.withLock { $0 = .accept }
        #expect(try await deliver()().delivered == 1)
        #expect(psc.message(id)?.status == .delivered)
        #expect(mail.sent.withLock { $0.count } == 1)
    }

    @Test func aPermanentRefusalEndsAsFailedAfterTheLimit() async throws {
        let id = try await queue(to: "nobody@example.org", in: psc)
        mail.mode.withLock { $0 = .refuse }
        for _ in 1...3 {
            _ = try await deliver()()
            clock.advance(by: 120)
        }
        let message = try #require(psc.message(id))
        #expect(message.status == .failed)
        #expect(message.lastError?.contains("550") == true)
    }

    @Test func theTestMessageHasAStableMessageIDAndBothParts() async throws {
        _ = try await queue(to: "a@example.org", in: psc)
        _ = try await deliver()()
        let sent = try #require(mail.sent.withLock { $0.first })
        #expect(sent.messageID == "<00000000-0000-0000-0000-000000000001@localhost>")
        #expect(sent.htmlBody != nil)
        #expect(sent.textBody.contains("outgoing mail works"))
    }

    /// Records the ledger's messages; a batch fails while `batchesFail` (each is then handled alone).
    final class FakeLedger: OutboxHandler {
        let recorded = Mutex<[OutboxMessageID]>([])
        let batchesFail: Bool
        init(batchesFail: Bool) { self.batchesFail = batchesFail }
        func handle(_ message: OutboxMessage, from location: OutboxLocation) async throws {
            recorded.withLock { $0.append(message.id) }
        }
        func handle(batch messages: [OutboxMessage], from location: OutboxLocation) async throws {
            if batchesFail { throw URLError(.cannotConnectToHost) }
            recorded.withLock { $0 += messages.map(\.id) }
        }
    }

    /// A billed view's message is deleted once the ledger has it (its record is the view and the
    /// charge); a notice stays, delivered, as the record of its service.
    @Test(arguments: [false, true])
    func theLedgersMessagesAreDeletedOnceDeliveredAndNoticesKept(batchesFail: Bool) async throws {
        let notice = try await queue(to: "a@example.org", in: court)
        let views = (0..<3).map { _ in
            OutboxMessage(
                id: OutboxMessageID(UUID()), kind: .billing, payload: Data("{}".utf8), createdAt: clock.now,
                nextAttemptAt: clock.now)
        }
        for view in views { try await court.enqueue(view) }
        let ledger = FakeLedger(batchesFail: batchesFail)
        let deliver = DeliverOutbox(
            directory: FakeOutboxDirectory(stores: [(.court(CourtID("cacd")), court)]), mail: mail,
            handlers: [.billing: ledger], clock: clock, logger: Logger(label: "test"))
        let report = try await deliver()
        #expect(report.delivered == 4)
        #expect(Set(ledger.recorded.withLock { $0 }) == Set(views.map(\.id)))
        #expect(views.allSatisfy { court.message($0.id) == nil }, "deleted")
        #expect(court.message(notice)?.status == .delivered, "kept")
    }
}
