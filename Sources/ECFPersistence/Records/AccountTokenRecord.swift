import ECFDomain
import FluentKit
import Foundation

final class AccountTokenRecord: Model, @unchecked Sendable {
    static let schema = "account_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(_ token: AccountToken) {
        id = token.id
        accountID = token.accountID.rawValue
        purpose = token.purpose.rawValue
        tokenHash = token.tokenHash
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        usedAt = token.usedAt
    }

    func domain() throws -> AccountToken {
        guard let id, let purpose = AccountToken.Purpose(rawValue: purpose) else {
            throw PersistenceError.corruptRow(table: Self.schema, detail: id?.uuidString ?? "?")
        }
        return AccountToken(
            id: id, accountID: AccountID(accountID), purpose: purpose, tokenHash: tokenHash, createdAt: createdAt,
            usedAt: usedAt)
    }
}

final class SignInSessionRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?

    init() {}

    init(_ session: SignInSession) {
        id = session.id.rawValue
        accountID = session.accountID.rawValue
        createdAt = session.createdAt
        expiresAt = session.expiresAt
        endedAt = session.endedAt
    }

    func domain() throws -> SignInSession {
        guard let id else { throw PersistenceError.corruptRow(table: Self.schema, detail: "?") }
        return SignInSession(
            id: SessionID(id), accountID: AccountID(accountID), createdAt: createdAt, endedAt: endedAt)
    }
}
