/// An e-mail as the system means to send it: who, what, and a Message-ID fixed when it was
/// queued, so that a message delivered twice can be recognised as the same one.
public struct OutgoingMail: Sendable, Equatable, Codable {
    public let messageID: String
    public let from: EmailAddress
    public let to: [EmailAddress]
    public let cc: [EmailAddress]
    public let subject: String
    public let textBody: String
    public let htmlBody: String?
    /// Set when the bodies are this message's own part of a body other messages share (a
    /// filing's notices): what is sent is `assembled(with:)` that body. Messages queued before
    /// bodies were shared have none.
    public let sharedBody: SharedMailBodyID?

    public init(
        messageID: String, from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [],
        subject: String, textBody: String, htmlBody: String? = nil, sharedBody: SharedMailBodyID? = nil
    ) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.sharedBody = sharedBody
    }

    /// Every address the message goes to (the SMTP envelope).
    public var recipients: [EmailAddress] { to + cc }
}
