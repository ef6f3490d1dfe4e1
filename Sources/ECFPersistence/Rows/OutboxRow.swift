import ECFDomain
import Foundation
import SQLKit

/// An `outbox` row read and written with SQLKit, column by column: a message is queued by every
/// billed view and filing and read back by every worker pass, and Fluent's model decoding walked
/// the record's fields by reflection each time (BENCHMARKS.md P1).
enum OutboxRow {
    static let table = "outbox"

    /// Queues a message in `database` (inside the caller's transaction, if any).
    static func insert(_ message: OutboxMessage, on database: any SQLDatabase) async throws {
        try await insert([message], on: database)
    }

    /// Queues messages, in as few statements as the engine takes.
    static func insert(_ messages: [OutboxMessage], on database: any SQLDatabase) async throws {
        try await RowInserts.insertRows(
            into: table,
            columns: [
                "id", "kind", "payload", "status", "attempts", "created_at", "next_attempt_at", "delivered_at",
                "last_error",
            ],
            messages.map { message in
                [
                    SQLBind(message.id.rawValue), SQLBind(message.kind.rawValue), SQLBind(message.payload),
                    SQLBind(message.status.rawValue), SQLBind(message.attempts), SQLBind(message.createdAt),
                    SQLBind(message.nextAttemptAt), SQLBind(message.deliveredAt), SQLBind(message.lastError),
                ]
            }, on: database)
    }

    static func message(_ row: any SQLRow) throws -> OutboxMessage {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let kind = OutboxMessage.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
            let status = OutboxMessage.Status(rawValue: try row.decode(column: "status", as: String.self))
        else { throw PersistenceError.corruptRow(table: table, detail: id.uuidString) }
        return OutboxMessage(
            id: OutboxMessageID(id), kind: kind, payload: try row.decode(column: "payload", as: Data.self),
            status: status, attempts: try row.decode(column: "attempts", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Date.self),
            deliveredAt: try row.decode(column: "delivered_at", as: Date?.self),
            lastError: try row.decode(column: "last_error", as: String?.self))
    }
}
