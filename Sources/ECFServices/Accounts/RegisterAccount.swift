import ECFDomain
import Foundation

/// Registers a free individual PACER account: every field checked, one account per person, the
/// password hashed, and the verification link mailed in the same transaction as the account.
public struct RegisterAccount: Sendable {
    public struct Registered: Sendable, Equatable {
        public let account: PacerAccount
    }

    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(_ form: RegistrationForm) async throws -> Registered {
        let valid: RegistrationForm.Valid
        switch form.validate(today: context.today) {
        case .success(let checked): valid = checked
        case .failure(let problems):
            throw AccountError(.invalid, "Some answers need another look.", fields: problems.byField)
        }
        let store = context.store
        // One person, one account: a second account for the same mailbox is refused outright;
        // the same person under another address is held for the PSC to review.
        if try await !store.accounts(emailCanonical: valid.email.canonical).isEmpty {
            throw AccountError(
                .duplicateEmail,
                "An account already exists for this e-mail address. Each person may have only one PACER account: use “Forgot username” or “Forgot password” to get back into it.",
                fields: ["email": "An account already exists for this e-mail address."])
        }
        let samePerson = try await store.accounts(
            firstName: valid.firstName, lastName: valid.lastName, dateOfBirth: valid.dateOfBirth)
        let now = context.clock.now
        let account = PacerAccount(
            id: AccountID(context.ids.uuid()), username: valid.username,
            passwordHash: try await context.hasher.hash(valid.password), firstName: valid.firstName,
            lastName: valid.lastName, email: valid.email, emailVerifiedAt: nil, dateOfBirth: valid.dateOfBirth,
            address: valid.address, userType: valid.userType,
            status: samePerson.isEmpty ? .pendingVerification : .heldForReview, createdAt: now, upgradedAt: nil)
        let secret = context.secrets.token()
        let token = AccountToken(
            id: context.ids.uuid(), accountID: account.id, purpose: .emailVerification,
            tokenHash: SecretHash.of(secret), createdAt: now)
        let verifyMail = context.mails.verifyEmail(context.ids.uuid(), to: account, token: secret)
        let heldMail = samePerson.isEmpty ? nil : context.mails.registrationHeld(context.ids.uuid(), to: account)
        let context = self.context
        do {
            try await store.transaction { transaction in
                try await transaction.insert(account)
                try await transaction.insert(token)
                try await transaction.enqueue(try context.outbox(verifyMail, id: UUID()))
                if let heldMail { try await transaction.enqueue(try context.outbox(heldMail, id: UUID())) }
            }
        } catch AccountConflict.usernameTaken {
            throw AccountError(
                .usernameTaken, "This username is taken. Choose another.",
                fields: ["username": "This username is taken. Choose another."])
        }
        return Registered(account: account)
    }
}
