import ECFDomain
import ECFServices
import FluentKit
import Foundation

/// Saved searches in the PSC database.
public struct SQLSavedSearchStore: SavedSearchStore {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func insert(_ search: SavedSearch) async throws {
        try await SavedSearchRecord(search).create(on: database)
    }

    public func searches(of account: AccountID) async throws -> [SavedSearch] {
        try await SavedSearchRecord.query(on: database).filter(\.$accountID == account.rawValue)
            .sort(\.$createdAt).all().map { try $0.domain() }
    }

    public func delete(_ id: UUID, of account: AccountID) async throws -> Bool {
        guard
            let record = try await SavedSearchRecord.query(on: database).filter(\.$id == id)
                .filter(\.$accountID == account.rawValue).first()
        else { return false }
        try await record.delete(on: database)
        return true
    }

    public func due(at instant: Date, limit: Int) async throws -> [SavedSearch] {
        try await SavedSearchRecord.query(on: database).filter(\.$nextCheckAt <= instant).sort(\.$nextCheckAt)
            .limit(limit).all().map { try $0.domain() }
    }

    public func recordCheck(_ search: SavedSearch, mail: OutboxMessage?) async throws {
        try await database.transactionRingingOutbox(at: .psc) { database in
            // Deleted meanwhile: nothing to record, nothing to send.
            guard let record = try await SavedSearchRecord.find(search.id, on: database) else { return }
            record.apply(search)
            try await record.update(on: database)
            if let mail { try await SQLOutboxStore(database: database).enqueue(mail) }
        }
    }
}
