import Foundation

/// Identifies a shared mail body within its database.
public struct SharedMailBodyID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What many messages' bodies share, stored once beside the outbox instead of once a message: a
/// filing's Notices of Electronic Filing carry the same docket text, service list and document
/// stamps to every recipient, who differ only in their own free-look link (500 attorneys of
/// record made 500 copies of a 60 KB body, 30 MB written in the filing's transaction). A message
/// that shares one holds its own part; the whole body is the head, the own part and the tail.
public struct SharedMailBody: Sendable, Equatable {
    public let id: SharedMailBodyID
    public let textHead: String
    public let textTail: String
    public let htmlHead: String?
    public let htmlTail: String?

    public init(id: SharedMailBodyID, textHead: String, textTail: String, htmlHead: String?, htmlTail: String?) {
        self.id = id
        self.textHead = textHead
        self.textTail = textTail
        self.htmlHead = htmlHead
        self.htmlTail = htmlTail
    }
}

extension OutgoingMail {
    /// The message as it is sent: its own parts between the shared head and tail.
    public func assembled(with shared: SharedMailBody) -> OutgoingMail {
        OutgoingMail(
            messageID: messageID, from: from, to: to, cc: cc, subject: subject,
            textBody: shared.textHead + textBody + shared.textTail,
            htmlBody: htmlBody.map { (shared.htmlHead ?? "") + $0 + (shared.htmlTail ?? "") })
    }
}
