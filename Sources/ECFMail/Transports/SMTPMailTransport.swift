import ECFDomain
import ECFServices
import Foundation
import Logging
import NIOCore

/// Delivers mail to an SMTP server.
public struct SMTPMailTransport: MailTransport {
    let client: SMTPClient
    let clock: any Clock
    let logger: Logger

    public init(client: SMTPClient, clock: any Clock, logger: Logger) {
        self.client = client
        self.clock = clock
        self.logger = logger
    }

    @discardableResult
    public func send(_ mail: OutgoingMail) async throws -> [String] {
        try await send(all: [mail])[0].get()
    }

    /// Every message over one connection.
    public func send(all mails: [OutgoingMail]) async -> [Result<[String], any Error>] {
        let now = clock.now
        // Each rendered when its turn comes, not all before the first is sent.
        let outcomes = await client.send(count: mails.count) { index in
            SMTPClient.Envelope(
                sender: mails[index].from.address, recipients: mails[index].recipients.map(\.address),
                data: MIMEMessage(mails[index], date: now).rendered())
        }
        return zip(mails, outcomes).map { mail, outcome in
            outcome.map { refused in
                if !refused.isEmpty {
                    logger.warning(
                        "the mail server refused some recipients",
                        metadata: ["messageID": "\(mail.messageID)", "refused": "\(refused.joined(separator: ", "))"])
                }
                return refused
            }.mapError { error -> any Error in
                switch error {
                case let rejection as SMTPClient.Rejection:
                    MailTransportError(isPermanent: rejection.isPermanent, rejection.description)
                case is CancellationError:
                    error
                default:
                    MailTransportError(isPermanent: false, "cannot deliver to the mail server: \(error)")
                }
            }
        }
    }
}
