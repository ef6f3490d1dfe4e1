import ECFDomain

/// Hands a message to whatever carries mail (an SMTP server, or `.eml` files).
public protocol MailTransport: Sendable {
    /// Returns only when the message was accepted — with the addresses the server refused while
    /// accepting the others; throws `MailTransportError` otherwise.
    @discardableResult
    func send(_ mail: OutgoingMail) async throws -> [String]

    /// Hands over several messages (over one connection, where the carrier has connections):
    /// each one's outcome, in order, as `send` would have had it.
    func send(all mails: [OutgoingMail]) async -> [Result<[String], any Error>]
}

extension MailTransport {
    public func send(all mails: [OutgoingMail]) async -> [Result<[String], any Error>] {
        await sendOneByOne(mails)
    }

    /// One after another, each with `send`.
    public func sendOneByOne(_ mails: [OutgoingMail]) async -> [Result<[String], any Error>] {
        var outcomes: [Result<[String], any Error>] = []
        for mail in mails {
            do {
                outcomes.append(.success(try await send(mail)))
            } catch {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}

public struct MailTransportError: Error, Sendable, CustomStringConvertible {
    /// A passing failure (server unreachable, 4xx) is retried; a permanent one (5xx) counts
    /// toward giving up.
    public let isPermanent: Bool
    public let description: String

    public init(isPermanent: Bool, _ description: String) {
        self.isPermanent = isPermanent
        self.description = description
    }
}
