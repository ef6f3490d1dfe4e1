import ECFDomain
import Foundation

/// Upgrades a legacy PACER account: it supplies what it lacks (date of birth, address with
/// county, user type, a verified e-mail address) and a new password that meets the policy. The
/// upgrade is recorded with its time and cannot be undone.
///
/// Source: PACER's NextGen notices — a legacy account (issued before August 11, 2014) must be
/// upgraded in Manage My Account before it can e-file in a NextGen court.
public struct UpgradeAccount: Sendable {
    public struct Form: Sendable {
        public var dateOfBirth, street, city, state, postalCode, county, userType, newPassword: String

        public init(
            dateOfBirth: String, street: String, city: String, state: String, postalCode: String, county: String,
            userType: String, newPassword: String
        ) {
            self.dateOfBirth = dateOfBirth
            self.street = street
            self.city = city
            self.state = state
            self.postalCode = postalCode
            self.county = county
            self.userType = userType
            self.newPassword = newPassword
        }
    }

    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(_ id: AccountID, form: Form) async throws -> PacerAccount {
        guard var account = try await context.store.account(id) else {
            throw AccountError(.notSignedIn, "Sign in again.")
        }
        guard account.isLegacy else {
            throw AccountError(.notAllowed, "This account is already upgraded; there is nothing more to do.")
        }
        guard account.emailVerifiedAt != nil else {
            throw AccountError(
                .emailUnverified,
                "First verify your e-mail address, \(account.email.address): ask for a link on Manage My Account and open it."
            )
        }
        // The registration rules check the new details, with the account's own name and username.
        // The street address is optional here (the county is what legacy accounts lack).
        let addressGiven = ![form.street, form.city, form.state, form.postalCode].allSatisfy(\.isEmpty)
        let check = RegistrationForm(
            username: account.username.rawValue, password: form.newPassword, firstName: account.firstName,
            lastName: account.lastName, email: account.email.address, dateOfBirth: form.dateOfBirth,
            street: addressGiven ? form.street : "-", city: addressGiven ? form.city : "-",
            state: addressGiven ? form.state : "DC", postalCode: addressGiven ? form.postalCode : "00000",
            county: form.county, userType: form.userType, affirmsIndividual: true)
        let valid: RegistrationForm.Valid
        switch check.validate(today: context.today) {
        case .success(let checked): valid = checked
        case .failure(let problems):
            var fields = problems.byField
            if let password = fields.removeValue(forKey: "password") { fields["newPassword"] = password }
            throw AccountError(.invalid, "Some answers need another look.", fields: fields)
        }
        account.dateOfBirth = valid.dateOfBirth
        account.address =
            addressGiven
            ? valid.address
            : PostalAddress(street: "", city: "", state: "", postalCode: "", county: valid.address.county)
        account.userType = valid.userType
        account.passwordHash = try await context.hasher.hash(form.newPassword)
        account.mustChangePassword = false
        account.upgradedAt = context.clock.now
        let upgraded = account
        try await context.store.transaction { try await $0.update(upgraded) }
        return upgraded
    }
}

/// Mails a signed-in person a link to verify the e-mail address of their account.
public struct SendEmailVerification: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(_ id: AccountID) async throws {
        guard let account = try await context.store.account(id), account.emailVerifiedAt == nil else { return }
        let secret = context.secrets.token()
        let token = AccountToken(
            id: context.ids.uuid(), accountID: account.id, purpose: .emailVerification,
            tokenHash: SecretHash.of(secret), createdAt: context.clock.now)
        let message = try context.outbox(
            context.mails.verifyEmail(context.ids.uuid(), to: account, token: secret), id: UUID())
        try await context.store.transaction { transaction in
            try await transaction.insert(token)
            try await transaction.enqueue(message)
        }
    }
}
