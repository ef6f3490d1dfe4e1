import ECFDomain

/// Hands a message to whatever carries mail (an SMTP server, or `.eml` files).
public protocol MailTransport: Sendable {
    /// Returns only when the message was accepted; throws `MailTransportError` otherwise.
    func send(_ mail: OutgoingMail) async throws
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
