import ECFDomain
import ECFServices
import FluentKit
import Foundation

/// Personal API tokens in the PSC database.
public struct SQLAPITokenStore: APITokenStore {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func insert(_ token: APIToken) async throws {
        try await APITokenRecord(token).create(on: database)
    }

    public func tokens(of account: AccountID) async throws -> [APIToken] {
        try await APITokenRecord.query(on: database).filter(\.$accountID == account.rawValue)
            .sort(\.$createdAt, .descending).all().map { try $0.domain() }
    }

    public func token(hash: String) async throws -> APIToken? {
        try await APITokenRecord.query(on: database).filter(\.$tokenHash == hash).first()?.domain()
    }

    public func revoke(_ id: UUID, of account: AccountID, at instant: Date) async throws -> APIToken? {
        try await database.transaction { database in
            guard
                let record = try await APITokenRecord.query(on: database).filter(\.$id == id)
                    .filter(\.$accountID == account.rawValue).first()
            else { return nil }
            if record.revokedAt == nil {
                record.revokedAt = instant
                try await record.update(on: database)
            }
            return try record.domain()
        }
    }

    public func recordUse(_ id: UUID, at instant: Date) async throws {
        try await APITokenRecord.query(on: database).filter(\.$id == id).set(\.$lastUsedAt, to: instant).update()
    }
}
