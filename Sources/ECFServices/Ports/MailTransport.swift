import ECFDomain

/// Hands a message to whatever carries mail (an SMTP server, or `.eml` files).
public protocol MailTransport: Sendable {
    /// Returns only when the message was accepted — with the addresses the server refused while
    /// accepting the others; throws `MailTransportError` otherwise.
    @discardableResult
    func send(_ mail: OutgoingMail) async throws -> [String]
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
