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
        let data = MIMEMessage(mail, date: clock.now).rendered()
        do {
            let refused = try await client.send(
                from: mail.from.address, to: mail.recipients.map(\.address), data: data)
            if !refused.isEmpty {
                logger.warning(
                    "the mail server refused some recipients",
                    metadata: ["messageID": "\(mail.messageID)", "refused": "\(refused.joined(separator: ", "))"])
            }
            return refused
        } catch let rejection as SMTPClient.Rejection {
            throw MailTransportError(isPermanent: rejection.isPermanent, rejection.description)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw MailTransportError(isPermanent: false, "cannot deliver to the mail server: \(error)")
        }
    }
}
