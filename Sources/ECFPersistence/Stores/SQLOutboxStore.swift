import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// The outbox of one database.
public struct SQLOutboxStore: OutboxStore {
    let database: any Database
    /// Where it is, for the doorbell; nil rings for every outbox.
    let location: OutboxLocation?

    public init(database: any Database, location: OutboxLocation? = nil) {
        self.database = database
        self.location = location
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Inside a transaction the doorbell rings once it commits; on its own, at once.
    public func enqueue(_ message: OutboxMessage) async throws {
        try await enqueue([message])
    }

    /// Several at once (a group of billed views); the doorbell as for one.
    public func enqueue(_ messages: [OutboxMessage]) async throws {
        guard !messages.isEmpty else { return }
        try await OutboxRow.insert(messages, on: sql)
        if let queued = QueuedMessages.current {
            queued.mark()
        } else {
            OutboxDoorbell.shared.ring(location)
        }
    }

    /// Stores a body messages queued with it share (inside the caller's transaction, if any).
    public func insert(_ body: SharedMailBody) async throws {
        try await SharedMailBodyRow.insert(body, on: sql)
    }

    public func sharedBodies(_ ids: Set<SharedMailBodyID>) async throws -> [SharedMailBodyID: SharedMailBody] {
        guard !ids.isEmpty else { return [:] }
        return try await SharedMailBodyRow.bodies(ids, on: sql)
    }

    public func due(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        try await sql.select().column("*").from(OutboxRow.table)
            .where("status", .equal, OutboxMessage.Status.pending.rawValue)
            .where("next_attempt_at", .lessThanOrEqual, instant)
            .orderBy("created_at")
            .limit(limit)
            .all()
            .map(OutboxRow.message)
    }

    public func markDelivered(_ id: OutboxMessageID, at instant: Date, attempts: Int, note: String? = nil)
        async throws
    {
        try await Self.markDelivered(id, at: instant, attempts: attempts, note: note, on: sql)
    }

    /// A burst of notices settled with one commit, not one each, and one statement for each
    /// attempt count and note (most of a pass's messages: first attempt, nothing refused), at most
    /// `idsPerStatement` messages a statement; one statement (the usual pass) without a transaction
    /// (`Database.allOrNone`).
    public func markDelivered(_ deliveries: [OutboxDelivery], at instant: Date) async throws {
        struct Outcome: Hashable {
            let attempts: Int
            let note: String?
        }
        let statements = Dictionary(grouping: deliveries) { Outcome(attempts: $0.attempts, note: $0.note) }
            .flatMap { outcome, group in group.slices(of: Self.idsPerStatement).map { (outcome, $0) } }
        try await database.allOrNone(statements: statements.count) { sql in
            for (outcome, slice) in statements {
                try await sql.update(OutboxRow.table)
                    .set("status", to: OutboxMessage.Status.delivered.rawValue)
                    .set("attempts", to: outcome.attempts)
                    .set("delivered_at", to: instant)
                    .set("last_error", to: outcome.note)
                    .where("id", .in, slice.map(\.id.rawValue))
                    .run()
            }
        }
    }

    static let idsPerStatement = 500

    /// At most `idsPerStatement` messages a statement; one statement (the usual pass) without a
    /// transaction (`Database.allOrNone`).
    public func forget(_ ids: [OutboxMessageID]) async throws {
        let slices = ids.slices(of: Self.idsPerStatement)
        try await database.allOrNone(statements: slices.count) { sql in
            for slice in slices {
                try await sql.delete(from: OutboxRow.table).where("id", .in, slice.map(\.rawValue)).run()
            }
        }
    }

    static func markDelivered(
        _ id: OutboxMessageID, at instant: Date, attempts: Int, note: String?, on database: any SQLDatabase
    ) async throws {
        try await database.update(OutboxRow.table)
            .set("status", to: OutboxMessage.Status.delivered.rawValue)
            .set("attempts", to: attempts)
            .set("delivered_at", to: instant)
            .set("last_error", to: note)
            .where("id", .equal, id.rawValue)
            .run()
    }

    public func reschedule(_ id: OutboxMessageID, attempts: Int, nextAttemptAt: Date, error: String) async throws {
        try await sql.update(OutboxRow.table)
            .set("attempts", to: attempts)
            .set("next_attempt_at", to: nextAttemptAt)
            .set("last_error", to: String(error.prefix(1000)))
            .where("id", .equal, id.rawValue)
            .run()
    }

    public func markFailed(_ id: OutboxMessageID, attempts: Int, error: String) async throws {
        try await sql.update(OutboxRow.table)
            .set("status", to: OutboxMessage.Status.failed.rawValue)
            .set("attempts", to: attempts)
            .set("last_error", to: String(error.prefix(1000)))
            .where("id", .equal, id.rawValue)
            .run()
    }

    public func backlog() async throws -> Int {
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(OutboxRow.table)
            .where("status", .equal, OutboxMessage.Status.pending.rawValue)
            .first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Every message, newest first (for operators and tests).
    public func all() async throws -> [OutboxMessage] {
        try await sql.select().column("*").from(OutboxRow.table).orderBy("created_at", .descending).all()
            .map(OutboxRow.message)
    }
}
