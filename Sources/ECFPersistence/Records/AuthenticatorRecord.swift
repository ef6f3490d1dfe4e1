import ECFDomain
import FluentKit
import Foundation

final class AuthenticatorRecord: Model, @unchecked Sendable {
    static let schema = "authenticators"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "name") var name: String
    @Field(key: "secret") var secret: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "last_used_step") var lastUsedStep: Int64?

    init() {}

    func apply(_ authenticator: Authenticator) {
        id = authenticator.id
        accountID = authenticator.accountID.rawValue
        name = authenticator.name
        secret = authenticator.secret
        createdAt = authenticator.createdAt
        confirmedAt = authenticator.confirmedAt
        lastUsedStep = authenticator.lastUsedStep
    }

    func domain() throws -> Authenticator {
        guard let id else { throw PersistenceError.corruptRow(table: Self.schema, detail: "?") }
        return Authenticator(
            id: id, accountID: AccountID(accountID), name: name, secret: secret, createdAt: createdAt,
            confirmedAt: confirmedAt, lastUsedStep: lastUsedStep)
    }
}

final class BackupCodeRecord: Model, @unchecked Sendable {
    static let schema = "backup_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(accountID: UUID, codeHash: String) {
        self.id = UUID()
        self.accountID = accountID
        self.codeHash = codeHash
    }
}
