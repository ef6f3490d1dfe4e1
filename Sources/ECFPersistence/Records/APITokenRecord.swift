import ECFDomain
import FluentKit
import Foundation

final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "name") var name: String
    /// The scopes' names separated by spaces, as in OAuth (`read file`).
    @Field(key: "scopes") var scopes: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "hint") var hint: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(_ token: APIToken) {
        id = token.id
        accountID = token.accountID.rawValue
        name = token.name
        scopes = token.scopes.names.joined(separator: " ")
        tokenHash = token.tokenHash
        hint = token.hint
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
    }

    func domain() throws -> APIToken {
        guard let id, let scopes = APIScopes(names: scopes.split(separator: " ").map(String.init)) else {
            throw PersistenceError.corruptRow(table: Self.schema, detail: id?.uuidString ?? "?")
        }
        return APIToken(
            id: id, accountID: AccountID(accountID), name: name, scopes: scopes, tokenHash: tokenHash, hint: hint,
            createdAt: createdAt, expiresAt: expiresAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}
