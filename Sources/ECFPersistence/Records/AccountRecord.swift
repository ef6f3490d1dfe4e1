import ECFDomain
import FluentKit
import Foundation

/// A PACER account row (PSC database).
final class AccountRecord: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "username_canonical") var usernameCanonical: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "email") var email: String
    @Field(key: "email_canonical") var emailCanonical: String
    @OptionalField(key: "email_verified_at") var emailVerifiedAt: Date?
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @OptionalField(key: "street") var street: String?
    @OptionalField(key: "city") var city: String?
    @OptionalField(key: "state") var state: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    @OptionalField(key: "county") var county: String?
    @OptionalField(key: "user_type") var userType: String?
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "upgraded_at") var upgradedAt: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    @OptionalField(key: "last_failed_sign_in_at") var lastFailedSignInAt: Date?

    init() {}

    init(_ account: PacerAccount) {
        self.id = account.id.rawValue
        self.failedSignIns = 0
        apply(account)
    }

    /// Copies every field the domain owns (the throttle's counters stay as they are).
    func apply(_ account: PacerAccount) {
        username = account.username.rawValue
        usernameCanonical = account.username.canonical
        passwordHash = account.passwordHash
        firstName = account.firstName
        lastName = account.lastName
        email = account.email.address
        emailCanonical = account.email.canonical
        emailVerifiedAt = account.emailVerifiedAt
        dateOfBirth = account.dateOfBirth?.description
        street = account.address?.street
        city = account.address?.city
        state = account.address?.state
        postalCode = account.address?.postalCode
        county = account.address?.county
        userType = account.userType?.rawValue
        status = account.status.rawValue
        createdAt = account.createdAt
        upgradedAt = account.upgradedAt
        lockedUntil = account.lockedUntil
        mustChangePassword = account.mustChangePassword
    }

    func domain() throws -> PacerAccount {
        try StoredAccount(
            id: id, username: username, firstName: firstName, lastName: lastName, email: email,
            passwordHash: passwordHash, emailVerifiedAt: emailVerifiedAt, dateOfBirth: dateOfBirth, street: street,
            city: city, state: state, postalCode: postalCode, county: county, userType: userType, status: status,
            createdAt: createdAt, upgradedAt: upgradedAt, lockedUntil: lockedUntil,
            mustChangePassword: mustChangePassword
        ).domain()
    }
}

/// An account's columns as stored, made into the domain's account in one place, whether they
/// came through Fluent's record or were read column by column (`AccountRow`).
struct StoredAccount {
    let id: UUID?
    let username: String
    let firstName: String
    let lastName: String
    let email: String
    let passwordHash: String
    let emailVerifiedAt: Date?
    let dateOfBirth: String?
    let street: String?
    let city: String?
    let state: String?
    let postalCode: String?
    let county: String?
    let userType: String?
    let status: String
    let createdAt: Date
    let upgradedAt: Date?
    let lockedUntil: Date?
    let mustChangePassword: Bool

    func domain() throws -> PacerAccount {
        guard let id, let username = Username(username), let email = EmailAddress(email),
            let status = AccountStatus(rawValue: status)
        else { throw PersistenceError.corruptRow(table: AccountRecord.schema, detail: id?.uuidString ?? "?") }
        var address: PostalAddress?
        if let street, let city, let state, let postalCode, let county {
            address = PostalAddress(street: street, city: city, state: state, postalCode: postalCode, county: county)
        }
        return PacerAccount(
            id: AccountID(id), username: username, passwordHash: passwordHash, firstName: firstName,
            lastName: lastName, email: email, emailVerifiedAt: emailVerifiedAt,
            dateOfBirth: dateOfBirth.flatMap(DateOnly.init(iso:)), address: address,
            userType: userType.flatMap(UserType.init(rawValue:)), status: status, createdAt: createdAt,
            upgradedAt: upgradedAt, lockedUntil: lockedUntil, mustChangePassword: mustChangePassword)
    }
}
