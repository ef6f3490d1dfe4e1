import ECFDomain
import FluentKit
import Foundation

/// A row of an outbox (every database has one).
final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: Data
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_error") var lastError: String?

    init() {}

    init(_ message: OutboxMessage) {
        self.id = message.id.rawValue
        self.kind = message.kind.rawValue
        self.payload = message.payload
        self.status = message.status.rawValue
        self.attempts = message.attempts
        self.createdAt = message.createdAt
        self.nextAttemptAt = message.nextAttemptAt
        self.deliveredAt = message.deliveredAt
        self.lastError = message.lastError
    }

    func domain() throws -> OutboxMessage {
        guard let id, let kind = OutboxMessage.Kind(rawValue: kind),
            let status = OutboxMessage.Status(rawValue: status)
        else { throw PersistenceError.corruptRow(table: Self.schema, detail: "\(id?.uuidString ?? "?")") }
        return OutboxMessage(
            id: OutboxMessageID(id), kind: kind, payload: payload, status: status, attempts: attempts,
            createdAt: createdAt, nextAttemptAt: nextAttemptAt, deliveredAt: deliveredAt, lastError: lastError)
    }
}
