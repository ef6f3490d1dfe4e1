import ECFDomain
import Foundation
import Logging
import Synchronization
import Testing

@testable import ECFServices

/// How a pass of the outbox carries a court's webhook deliveries: each webhook's a few at once,
/// a receiver that fails gets only those, and what is not tried waits, untried, for the retry.
@Suite("Webhook deliveries a few at a time")
struct WebhookDeliveriesAtOnceTests {
    let clock = FixedClock(try! Date("2026-03-06T12:00:00Z", strategy: .iso8601))
    let court = FakeOutboxStore()
    let receivers = FakeReceivers()
    let lively = WebhookID(UUID())
    let down = WebhookID(UUID())

    /// A receiver per webhook: answers after a moment, or (those in `failing`) fails.
    final class FakeReceivers: OutboxHandler {
        let failing = Mutex<Set<WebhookID>>([])
        let inFlight = Mutex<[WebhookID: Int]>([:])
        let mostAtOnce = Mutex<[WebhookID: Int]>([:])
        let tried = Mutex<[WebhookID: Int]>([:])

        func handle(_ message: OutboxMessage, from location: OutboxLocation) async throws {
            let webhook = try message.decodedWebhookDelivery().webhook
            inFlight.withLock { now in
                now[webhook, default: 0] += 1
                let count = now[webhook]!
                mostAtOnce.withLock { $0[webhook] = max($0[webhook] ?? 0, count) }
            }
            tried.withLock { $0[webhook, default: 0] += 1 }
            try? await Task.sleep(for: .milliseconds(20))
            inFlight.withLock { $0[webhook, default: 0] -= 1 }
            if failing.withLock({ $0.contains(webhook) }) { throw URLError(.timedOut) }
        }
    }

    func deliver() -> DeliverOutbox {
        DeliverOutbox(
            directory: FakeOutboxDirectory(stores: [(.court(CourtID("cacd")), court)]), mail: FakeMailTransport(),
            handlers: [.webhook: receivers], clock: clock,
            policy: RetryPolicy(initialDelay: 5, maximumDelay: 3600, permanentFailureLimit: 3),
            logger: Logger(label: "test"))
    }

    /// `count` new entries for `webhook`, queued one second apart (the oldest first).
    func queue(_ count: Int, to webhook: WebhookID, from seq: Int = 1) async throws -> [OutboxMessageID] {
        var ids: [OutboxMessageID] = []
        for n in 0..<count {
            let message = OutboxMessage.webhook(
                webhook, caseID: CaseID(1), entry: seq + n,
                at: clock.now.addingTimeInterval(Double(seq + n) - 1_000))
            try await court.enqueue(message)
            ids.append(message.id)
        }
        return ids
    }

    @Test func eachWebhookGetsAFewAtOnceAndTheRestComeInTheNextPass() async throws {
        let atOnce = WebhookPolicy.deliveriesAtOnce
        let many = try await queue(atOnce + 5, to: lively)
        let other = try await queue(3, to: down, from: 100)
        let first = try await deliver()()
        #expect(first.delivered == atOnce + 3 && first.retried == 0)
        let mostAtOnce = receivers.mostAtOnce.withLock { $0 }
        #expect((2...WebhookPolicy.deliveriesAtOnce).contains(mostAtOnce[lively] ?? 0), "\(mostAtOnce)")
        #expect(many.prefix(atOnce).allSatisfy { court.message($0)?.status == .delivered }, "the oldest first")
        #expect(many.suffix(5).allSatisfy { court.message($0)?.status == .pending && court.message($0)?.attempts == 0 })
        #expect(other.allSatisfy { court.message($0)?.status == .delivered }, "another webhook's beside them")
        #expect(first.deliveredFrom == [.court(CourtID("cacd"))], "so the next pass looks here again")
        #expect(try await deliver()().delivered == 5)
        #expect(receivers.tried.withLock { $0[lively] } == atOnce + 5, "each tried once")
    }

    @Test func aReceiverThatFailsGetsAFewAndTheRestWaitUntried() async throws {
        receivers.failing.withLock { $0 = [down] }
        let ids = try await queue(20, to: down)
        let fine = try await queue(3, to: lively, from: 100)
        let size = WebhookPolicy.deliveriesAtOnce
        let report = try await deliver()()
        #expect(report.delivered == 3 && report.retried == 20)
        #expect(receivers.tried.withLock { $0[down] } == size, "a few, not twenty deliveries")
        #expect(fine.allSatisfy { court.message($0)?.status == .delivered }, "the other webhook is not held up")
        let retry = clock.now.addingTimeInterval(5)
        for id in ids.prefix(size) {
            let message = try #require(court.message(id))
            #expect(message.attempts == 1 && message.nextAttemptAt == retry && message.status == .pending)
        }
        for id in ids.dropFirst(size) {
            let message = try #require(court.message(id))
            #expect(message.attempts == 0 && message.nextAttemptAt == retry, "waits as long, untried")
            #expect(message.lastError?.hasPrefix("Not tried: another delivery to this webhook failed") == true)
        }
        #expect(try await deliver()().retried == 0, "nothing tried again before the retry")
        clock.advance(by: 5)
        let second = try await deliver()()
        #expect(second.retried == 20 && receivers.tried.withLock { $0[down] } == 2 * size)
        #expect(court.message(ids[0])?.attempts == 2, "the same oldest few again, their wait doubled")
        #expect(court.message(ids[size])?.nextAttemptAt == clock.now.addingTimeInterval(10))
        receivers.failing.withLock { $0 = [] }
        clock.advance(by: 10)
        let back = try await deliver()()
        #expect(back.delivered == size, "a pass's worth once it answers")
        let next = try await deliver()().delivered
        let last = try await deliver()().delivered
        #expect(next == size && last == 20 - 2 * size, "the rest in the passes that follow")
    }
}
