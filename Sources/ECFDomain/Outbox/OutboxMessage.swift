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
        /// A court's case changed: the national case locator reads it again (payload: the case id,
        /// and the entry's sequence number when only that entry changed).
        case locator
        /// A billable view: the PSC's billing ledger records it (payload: the `AccessCharge`).
        case billing
        /// One docket entry for one webhook (payload: the webhook, the case and the entry).
        case webhook

        /// Whether a delivered message stays in its outbox. A notice's delivery (to whom, what
        /// the mail server refused) and a webhook's are a record of service and of what a
        /// subscriber was sent; the ledger's and the locator's messages only carry a change from
        /// one database to another, whose record is where they went (the view and the ledger's
        /// charge, the locator's copy of the case). A court's docket reports queue one each, so
        /// kept they grew its outbox by a row a view, and every write to it with them.
        public var isKeptOnceDelivered: Bool {
            switch self {
            case .mail, .webhook: true
            case .locator, .billing: false
            }
        }
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

    /// Tells the national case locator to read the case again, due at once. The locator reads the
    /// case as it is when the message is delivered, so messages may arrive in any order.
    public static func locator(_ caseID: CaseID, at now: Date) -> OutboxMessage {
        let payload = Data("{\"caseId\":\(caseID.rawValue)}".utf8)
        return OutboxMessage(
            id: OutboxMessageID(.timeOrdered(at: now)), kind: .locator, payload: payload, createdAt: now,
            nextAttemptAt: now)
    }

    /// Tells the national locator to read one entry again (new, corrected, struck or restricted),
    /// due at once.
    public static func locator(_ caseID: CaseID, entry seq: Int, at now: Date) -> OutboxMessage {
        let payload = Data("{\"caseId\":\(caseID.rawValue),\"seq\":\(seq)}".utf8)
        return OutboxMessage(
            id: OutboxMessageID(.timeOrdered(at: now)), kind: .locator, payload: payload, createdAt: now,
            nextAttemptAt: now)
    }

    public func decodedCaseID() throws -> CaseID {
        try decodedLocatorTarget().caseID
    }

    /// The case a `locator` message is about, and the entry when only one changed.
    public func decodedLocatorTarget() throws -> (caseID: CaseID, seq: Int?) {
        struct Payload: Decodable {
            let caseId: Int64
            let seq: Int?
        }
        let decoded = try JSONDecoder().decode(Payload.self, from: payload)
        return (CaseID(decoded.caseId), decoded.seq)
    }

    /// Delivers a new entry to one webhook, due at once.
    public static func webhook(_ webhook: WebhookID, caseID: CaseID, entry seq: Int, at now: Date) -> OutboxMessage {
        let payload = Data("{\"webhookId\":\"\(webhook)\",\"caseId\":\(caseID.rawValue),\"seq\":\(seq)}".utf8)
        return OutboxMessage(
            id: OutboxMessageID(.timeOrdered(at: now)), kind: .webhook, payload: payload, createdAt: now,
            nextAttemptAt: now)
    }

    /// The webhook, case and entry of a `webhook` message.
    public func decodedWebhookDelivery() throws -> (webhook: WebhookID, caseID: CaseID, seq: Int) {
        struct Payload: Decodable {
            let webhookId: UUID
            let caseId: Int64
            let seq: Int
        }
        let decoded = try JSONDecoder().decode(Payload.self, from: payload)
        return (WebhookID(decoded.webhookId), CaseID(decoded.caseId), decoded.seq)
    }

    /// A billable view for the PSC's billing ledger, due at once.
    public static func billing(_ charge: AccessCharge, at now: Date) throws -> OutboxMessage {
        OutboxMessage(
            id: OutboxMessageID(.timeOrdered(at: now)), kind: .billing, payload: try charge.outboxPayload,
            createdAt: now, nextAttemptAt: now)
    }

    public func decodedCharge() throws -> AccessCharge {
        try JSONDecoder().decode(AccessCharge.self, from: payload)
    }

    public func decodedMail() throws -> OutgoingMail {
        try JSONDecoder().decode(OutgoingMail.self, from: payload)
    }
}

extension JSONEncoder {
    /// Stable output, so a payload reads the same every time it is written.
    /// One for every message (an encoder's settings are copied at each `encode`, so sharing it
    /// is safe): every billed view queues a message.
    static let outbox: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
