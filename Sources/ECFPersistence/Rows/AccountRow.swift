import ECFDomain
import Foundation
import SQLKit

/// A PACER account read with SQLKit, column by column: the account behind a PACER sign-in is read
/// on every signed-in request, and Fluent's model decoding walked the record's fields by
/// reflection each time (BENCHMARKS.md P1).
enum AccountRow {
    /// The account whose id is `id`, if any.
    static func account(_ id: AccountID, on database: any SQLDatabase) async throws -> PacerAccount? {
        guard let row = try await database.raw("SELECT * FROM accounts WHERE id = \(bind: id.rawValue)").first()
        else { return nil }
        return try record(row).domain()
    }

    /// The row's fields set one by one on a record, which makes the domain account as it always has.
    static func record(_ row: any SQLRow) throws -> AccountRecord {
        let record = AccountRecord()
        record.id = try row.decode(column: "id", as: UUID.self)
        record.username = try row.decode(column: "username", as: String.self)
        record.usernameCanonical = try row.decode(column: "username_canonical", as: String.self)
        record.passwordHash = try row.decode(column: "password_hash", as: String.self)
        record.firstName = try row.decode(column: "first_name", as: String.self)
        record.lastName = try row.decode(column: "last_name", as: String.self)
        record.email = try row.decode(column: "email", as: String.self)
        record.emailCanonical = try row.decode(column: "email_canonical", as: String.self)
        record.emailVerifiedAt = try row.decode(column: "email_verified_at", as: Date?.self)
        record.dateOfBirth = try row.decode(column: "date_of_birth", as: String?.self)
        record.street = try row.decode(column: "street", as: String?.self)
        record.city = try row.decode(column: "city", as: String?.self)
        record.state = try row.decode(column: "state", as: String?.self)
        record.postalCode = try row.decode(column: "postal_code", as: String?.self)
        record.county = try row.decode(column: "county", as: String?.self)
        record.userType = try row.decode(column: "user_type", as: String?.self)
        record.status = try row.decode(column: "status", as: String.self)
        record.createdAt = try row.decode(column: "created_at", as: Date.self)
        record.upgradedAt = try row.decode(column: "upgraded_at", as: Date?.self)
        record.lockedUntil = try row.decode(column: "locked_until", as: Date?.self)
        record.mustChangePassword = try row.decode(column: "must_change_password", as: Bool.self)
        record.failedSignIns = try row.decode(column: "failed_sign_ins", as: Int.self)
        record.lastFailedSignInAt = try row.decode(column: "last_failed_sign_in_at", as: Date?.self)
        return record
    }
}
