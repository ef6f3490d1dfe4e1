import ECFDomain
import Foundation
import SQLKit

/// A PACER account read with SQLKit, column by column: the account behind a PACER sign-in is read
/// on every signed-in request, and Fluent's model decoding walked the record's fields by
/// reflection each time (BENCHMARKS.md P1); then its fields set one by one on a Fluent record
/// still made each of them an object of its own, so the columns go straight into the stored
/// account's value.
enum AccountRow {
    /// The account whose id is `id`, if any.
    static func account(_ id: AccountID, on database: any SQLDatabase) async throws -> PacerAccount? {
        guard let row = try await database.raw("SELECT * FROM accounts WHERE id = \(bind: id.rawValue)").first()
        else { return nil }
        return try stored(row).domain()
    }

    static func stored(_ row: any SQLRow) throws -> StoredAccount {
        StoredAccount(
            id: try row.decode(column: "id", as: UUID.self),
            username: try row.decode(column: "username", as: String.self),
            firstName: try row.decode(column: "first_name", as: String.self),
            lastName: try row.decode(column: "last_name", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            emailVerifiedAt: try row.decode(column: "email_verified_at", as: Date?.self),
            dateOfBirth: try row.decode(column: "date_of_birth", as: String?.self),
            street: try row.decode(column: "street", as: String?.self),
            city: try row.decode(column: "city", as: String?.self),
            state: try row.decode(column: "state", as: String?.self),
            postalCode: try row.decode(column: "postal_code", as: String?.self),
            county: try row.decode(column: "county", as: String?.self),
            userType: try row.decode(column: "user_type", as: String?.self),
            status: try row.decode(column: "status", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            upgradedAt: try row.decode(column: "upgraded_at", as: Date?.self),
            lockedUntil: try row.decode(column: "locked_until", as: Date?.self),
            mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self))
    }
}
