import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// A court's docket webhooks, in the court's database.
public struct SQLWebhookStore: WebhookStore {
    let database: any Database
    /// The outbox its transactions ring (its court's); nil rings for every outbox.
    let outbox: OutboxLocation?

    public init(database: any Database, outbox: OutboxLocation? = nil) {
        self.database = database
        self.outbox = outbox
    }

    public func insert(_ webhook: Webhook) async throws {
        try await WebhookRecord(webhook).create(on: database)
    }

    public func webhooks(of owner: AccountID) async throws -> [Webhook] {
        try await WebhookRecord.query(on: database).filter(\.$owner == owner.rawValue).sort(\.$createdAt).all()
            .map { try $0.domain() }
    }

    public func webhook(_ id: WebhookID) async throws -> Webhook? {
        try await WebhookRecord.find(id.rawValue, on: database)?.domain()
    }

    public func delete(_ id: WebhookID) async throws {
        try await WebhookRecord.query(on: database).filter(\.$id == id.rawValue).delete()
    }

    public func enable(_ id: WebhookID) async throws {
        try await WebhookRecord.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$disabledAt, to: nil).set(\.$consecutiveFailures, to: 0).set(\.$failingSince, to: nil).update()
    }

    public func recordDelivery(_ id: WebhookID, at instant: Date) async throws {
        try await WebhookRecord.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$lastDeliveredAt, to: instant).set(\.$consecutiveFailures, to: 0).set(\.$failingSince, to: nil)
            .update()
    }

    public func recordFailure(_ id: WebhookID, reason: String, at instant: Date, disabledMail: OutboxMessage)
        async throws -> Webhook?
    {
        try await database.transactionRingingOutbox(at: outbox) { database in
            // The row locked first (PostgreSQL; SQLite's writer runs one transaction at a time):
            // the failures of a pass's deliveries, recorded at once, are each counted, and the
            // webhook is turned off, its mail queued, once.
            _ = try await (database as! any SQLDatabase).select().column("id").from(WebhookRecord.schema)
                .where("id", .equal, id.rawValue).for(.update).all()
            guard let record = try await WebhookRecord.find(id.rawValue, on: database) else { return nil }
            var webhook = try record.domain()
            if webhook.recordFailure(reason, at: instant) {
                try await SQLOutboxStore(database: database).enqueue(disabledMail)
            }
            record.consecutiveFailures = webhook.consecutiveFailures
            record.failingSince = webhook.failingSince
            record.lastFailure = webhook.lastFailure
            record.disabledAt = webhook.disabledAt
            try await record.update(on: database)
            return webhook
        }
    }
}

extension SQLDocketTransaction {
    func webhooks(watching caseID: CaseID) async throws -> [(id: WebhookID, courtWide: Bool)] {
        try await WebhookRecord.query(on: database).filter(\.$disabledAt == nil)
            .group(.or) { $0.filter(\.$caseID == caseID.rawValue).filter(\.$caseID == nil) }
            .all()
            .compactMap { record in record.id.map { (WebhookID($0), record.caseID == nil) } }
    }
}
