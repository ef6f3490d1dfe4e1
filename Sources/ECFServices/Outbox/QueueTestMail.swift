import ECFDomain
import Foundation

/// Puts a test message in the PSC's outbox, for an operator checking that mail goes out.
public struct QueueTestMail: Sendable {
    let outbox: any OutboxStore
    let clock: any Clock
    let ids: any IDGenerator
    let from: EmailAddress
    let messageIDDomain: String

    public init(
        outbox: any OutboxStore, clock: any Clock, ids: any IDGenerator, from: EmailAddress, messageIDDomain: String
    ) {
        self.outbox = outbox
        self.clock = clock
        self.ids = ids
        self.from = from
        self.messageIDDomain = messageIDDomain
    }

    public func callAsFunction(to recipient: EmailAddress) async throws -> OutgoingMail {
        let id = ids.uuid()
        let now = clock.now
        let mail = OutgoingMail(
            messageID: MessageIDs.make(id, domain: messageIDDomain),
            from: from,
            to: [recipient],
            subject: "OpenECF test message",
            textBody: """
                This is a test message from OpenECF, queued at \(now.formatted(.iso8601)).

                If you can read it, this server's outgoing mail works.
                """,
            htmlBody: """
                <p>This is a test message from OpenECF, queued at \(now.formatted(.iso8601)).</p>
                <p>If you can read it, this server&rsquo;s outgoing mail works.</p>
                """
        )
        try await outbox.enqueue(try OutboxMessage.mail(mail, id: OutboxMessageID(id), at: now))
        return mail
    }
}

/// Message-IDs in one form: `<uuid@domain>`, fixed when the message is queued.
public enum MessageIDs {
    public static func make(_ id: UUID, domain: String) -> String {
        "<\(id.uuidString.lowercased())@\(domain)>"
    }
}
