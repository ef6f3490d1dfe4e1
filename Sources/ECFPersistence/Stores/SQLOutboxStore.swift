import ECFDomain
import ECFServices
import FluentKit
import Foundation

/// The outbox of one database.
public struct SQLOutboxStore: OutboxStore {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Inside a transaction the doorbell rings once it commits; on its own, at once.
    public func enqueue(_ message: OutboxMessage) async throws {
        try await OutboxRecord(message).create(on: database)
        if let queued = QueuedMessages.current {
            queued.mark()
        } else {
            OutboxDoorbell.shared.ring()
        }
    }

    public func due(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        try await OutboxRecord.query(on: database)
            .filter(\.$status == OutboxMessage.Status.pending.rawValue)
            .filter(\.$nextAttemptAt <= instant)
            .sort(\.$createdAt)
            .limit(limit)
            .all()
            .map { try $0.domain() }
    }

    public func markDelivered(_ id: OutboxMessageID, at instant: Date, attempts: Int, note: String? = nil)
        async throws
    {
        try await Self.markDelivered(id, at: instant, attempts: attempts, note: note, on: database)
    }

    /// In one transaction: a burst of notices is settled with one commit, not one each.
    public func markDelivered(_ deliveries: [OutboxDelivery], at instant: Date) async throws {
        try await database.transaction { transaction in
            for delivery in deliveries {
                try await Self.markDelivered(
                    delivery.id, at: instant, attempts: delivery.attempts, note: delivery.note, on: transaction)
            }
        }
    }

    static func markDelivered(
        _ id: OutboxMessageID, at instant: Date, attempts: Int, note: String?, on database: any Database
    ) async throws {
        try await OutboxRecord.query(on: database)
            .filter(\.$id == id.rawValue)
            .set(\.$status, to: OutboxMessage.Status.delivered.rawValue)
            .set(\.$attempts, to: attempts)
            .set(\.$deliveredAt, to: instant)
            .set(\.$lastError, to: note)
            .update()
    }

    public func reschedule(_ id: OutboxMessageID, attempts: Int, nextAttemptAt: Date, error: String) async throws {
        try await OutboxRecord.query(on: database)
            .filter(\.$id == id.rawValue)
            .set(\.$attempts, to: attempts)
            .set(\.$nextAttemptAt, to: nextAttemptAt)
            .set(\.$lastError, to: String(error.prefix(1000)))
            .update()
    }

    public func markFailed(_ id: OutboxMessageID, attempts: Int, error: String) async throws {
        try await OutboxRecord.query(on: database)
            .filter(\.$id == id.rawValue)
            .set(\.$status, to: OutboxMessage.Status.failed.rawValue)
            .set(\.$attempts, to: attempts)
            .set(\.$lastError, to: String(error.prefix(1000)))
            .update()
    }

    public func backlog() async throws -> Int {
        try await OutboxRecord.query(on: database)
            .filter(\.$status == OutboxMessage.Status.pending.rawValue)
            .count()
    }

    /// Every message, newest first (for operators and tests).
    public func all() async throws -> [OutboxMessage] {
        try await OutboxRecord.query(on: database).sort(\.$createdAt, .descending).all().map { try $0.domain() }
    }
}
