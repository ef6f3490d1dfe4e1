import ECFDomain
import Foundation
import Logging
import Synchronization
import Testing

@testable import ECFServices

/// A filing's notices store their common body once (`SharedMailBody`); what goes out is each
/// message whole, or nothing.
@Suite("Outbox delivery of messages that share a body")
struct SharedMailBodyDeliveryTests {
    let clock = FixedClock(try! Date("2026-03-06T12:00:00Z", strategy: .iso8601))
    let court = FakeOutboxStore()
    let mail = FakeMailTransport()
    let body = SharedMailBody(
        id: SharedMailBodyID(UUID()), textHead: "Case Name: Roe v. Bolt\nDocument Number: 4",
        textTail: "Notice has been electronically mailed to:\nLee Jordan\n",
        htmlHead: "<table><tr><td>Document Number:</td><td>", htmlTail: "</td></tr></table>\n<p>Lee Jordan</p>\n")

    func deliver() -> DeliverOutbox {
        DeliverOutbox(
            directory: FakeOutboxDirectory(stores: [(.court(CourtID("nysd")), court)]), mail: mail, clock: clock,
            policy: RetryPolicy(initialDelay: 5, maximumDelay: 60, permanentFailureLimit: 3),
            logger: Logger(label: "test"))
    }

    func queue(to address: String, text: String, html: String, sharing shared: SharedMailBodyID?) async throws
        -> OutboxMessageID
    {
        let id = OutboxMessageID(UUID())
        let notice = OutgoingMail(
            messageID: "<\(id)@localhost>", from: EmailAddress("noreply@localhost")!, to: [EmailAddress(address)!],
            subject: "Activity in Case 1:26-cv-00001 Roe v. Bolt Motion", textBody: text, htmlBody: html,
            sharedBody: shared)
        try await court.enqueue(try .mail(notice, id: id, at: clock.now))
        return id
    }

    @Test func eachMessageIsSentWholeWithItsOwnPartBetweenTheSharedHeadAndTail() async throws {
        court.bodies.withLock { $0[body.id] = body }
        _ = try await queue(to: "lee@example.org", text: "\nlink 1111\n", html: "<a>1111</a>", sharing: body.id)
        _ = try await queue(to: "avery@example.org", text: "\nlink 2222\n", html: "<a>2222</a>", sharing: body.id)
        _ = try await queue(to: "alone@example.org", text: "a whole message", html: "<p>whole</p>", sharing: nil)
        #expect(try await deliver()().delivered == 3)
        let sent = Dictionary(uniqueKeysWithValues: mail.sent.withLock { $0 }.map { ($0.to[0].address, $0) })
        let lee = try #require(sent["lee@example.org"])
        #expect(
            lee.textBody
                == "Case Name: Roe v. Bolt\nDocument Number: 4\nlink 1111\nNotice has been electronically mailed to:\nLee Jordan\n"
        )
        #expect(
            lee.htmlBody
                == "<table><tr><td>Document Number:</td><td><a>1111</a></td></tr></table>\n<p>Lee Jordan</p>\n")
        #expect(sent["avery@example.org"]?.textBody.contains("Document Number: 4\nlink 2222\nNotice has") == true)
        #expect(sent["alone@example.org"]?.textBody == "a whole message", "a message sharing nothing is sent as it is")
        #expect(sent.values.allSatisfy { $0.sharedBody == nil }, "what is sent is whole")
    }

    @Test func aMessageWhoseSharedBodyIsMissingIsNeverSentInPart() async throws {
        let id = try await queue(to: "lee@example.org", text: "\nlink 1111\n", html: "<a>1111</a>", sharing: body.id)
        for _ in 1...3 {
            #expect(try await deliver()().delivered == 0)
            clock.advance(by: 120)
        }
        #expect(mail.sent.withLock { $0.isEmpty })
        let message = try #require(court.message(id))
        #expect(message.status == .failed, "kept for the operator, as a refusal would be")
        #expect(message.lastError?.contains("shares with others") == true)
    }
}
