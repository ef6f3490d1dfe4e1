import ECFServices
import FluentKit
import Foundation

final class SigningKeyRecord: Model, @unchecked Sendable {
    static let schema = "signing_keys"

    @ID(custom: "kid", generatedBy: .user) var id: String?
    @Field(key: "algorithm") var algorithm: String
    @Field(key: "private_key") var privateKey: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Signing keys in the PSC database.
public struct SQLSigningKeyStore: SigningKeyStore {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func keys() async throws -> [SigningKey] {
        try await SigningKeyRecord.query(on: database).sort(\.$createdAt, .descending).all().compactMap { record in
            record.id.map {
                SigningKey(
                    kid: $0, algorithm: record.algorithm, privateKey: record.privateKey, createdAt: record.createdAt)
            }
        }
    }

    public func addIfNone(_ key: SigningKey) async throws -> [SigningKey] {
        try await database.transaction { transaction in
            if try await SigningKeyRecord.query(on: transaction).count() == 0 {
                let record = SigningKeyRecord()
                record.id = key.kid
                record.algorithm = key.algorithm
                record.privateKey = key.privateKey
                record.createdAt = key.createdAt
                try await record.create(on: transaction)
            }
            return try await SQLSigningKeyStore(database: transaction).keys()
        }
    }
}
