import Foundation

/// Identifies an outbox row within its database.
public struct OutboxMessageID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

/// Something that must happen because a change was committed, written in the same transaction as
/// the change and carried out later by a worker. Nothing is lost: a message leaves the outbox only
/// once its effect was acknowledged.
public struct OutboxMessage: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case mail
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Waiting for delivery, or for its next attempt.
        case pending
        /// The receiving server accepted it.
        case delivered
        /// Refused for good (for example every recipient rejected); kept for the operator.
        case failed
    }

    public let id: OutboxMessageID
    public let kind: Kind
    public let payload: Data
    public var status: Status
    public var attempts: Int
    public let createdAt: Date
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var lastError: String?

    public init(
        id: OutboxMessageID, kind: Kind, payload: Data, status: Status = .pending, attempts: Int = 0,
        createdAt: Date, nextAttemptAt: Date, deliveredAt: Date? = nil, lastError: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }

    /// A new mail message, due at once.
    public static func mail(_ mail: OutgoingMail, id: OutboxMessageID, at now: Date) throws -> OutboxMessage {
        let payload = try JSONEncoder.outbox.encode(mail)
        return OutboxMessage(id: id, kind: .mail, payload: payload, createdAt: now, nextAttemptAt: now)
    }

    public func decodedMail() throws -> OutgoingMail {
        try JSONDecoder().decode(OutgoingMail.self, from: payload)
    }
}

extension JSONEncoder {
    /// Stable output, so a payload reads the same every time it is written.
    static var outbox: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
