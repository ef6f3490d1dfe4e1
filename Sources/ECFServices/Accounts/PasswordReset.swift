import ECFDomain
import Foundation

/// "Forgot password": mails a single-use, 30-minute link to the account's address. The answer is
/// the same whether or not an account matched, so nobody can learn who has one.
public struct RequestPasswordReset: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(usernameOrEmail: String) async throws {
        let typed = usernameOrEmail.trimmingCharacters(in: .whitespaces)
        var accounts: [PacerAccount] = []
        if let username = Username(typed), let account = try await context.store.account(username: username) {
            accounts = [account]
        } else if let email = EmailAddress(typed) {
            accounts = try await context.store.accounts(emailCanonical: email.canonical)
        }
        let now = context.clock.now
        let context = self.context
        for account in accounts where account.status != .deactivated {
            let secret = context.secrets.token()
            let token = AccountToken(
                id: context.ids.uuid(), accountID: account.id, purpose: .passwordReset,
                tokenHash: SecretHash.of(secret), createdAt: now)
            let mail = context.mails.passwordReset(context.ids.uuid(), to: account, token: secret)
            try await context.store.transaction { transaction in
                try await transaction.insert(token)
                try await transaction.enqueue(try context.outbox(mail, id: UUID()))
            }
        }
    }
}

/// Follows the reset link: sets a new password that meets the policy, ends every other session
/// of the account, and lifts a lock. The link works once.
public struct ConfirmPasswordReset: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(token secret: String, newPassword: String) async throws -> PacerAccount {
        let now = context.clock.now
        let invalid = AccountError(
            .invalidToken,
            "This reset link is not valid: it was used already, it is more than 30 minutes old, or it was copied incompletely. Ask for a new one."
        )
        // The policy is checked before the link is spent, so a refused password can be retried.
        let preview = try await context.store.transaction { transaction -> PacerAccount? in
            guard let token = try await transaction.token(hash: SecretHash.of(secret), purpose: .passwordReset),
                token.isUsable(at: now)
            else { return nil }
            return try await transaction.account(token.accountID)
        }
        guard let account = preview else { throw invalid }
        if let problem = PasswordPolicy.check(
            newPassword, username: account.username.rawValue, firstName: account.firstName,
            lastName: account.lastName, email: account.email.address)
        {
            throw AccountError(.invalid, problem.description, fields: ["newPassword": problem.description])
        }
        let hash = try await context.hasher.hash(newPassword)
        return try await context.store.transaction { transaction in
            guard let token = try await transaction.token(hash: SecretHash.of(secret), purpose: .passwordReset),
                token.isUsable(at: now), try await transaction.useToken(token.id, at: now),
                var current = try await transaction.account(token.accountID)
            else { throw invalid }
            current.passwordHash = hash
            current.mustChangePassword = false
            current.lockedUntil = nil
            if current.emailVerifiedAt == nil { current.emailVerifiedAt = now }  // the link proved the mailbox
            if current.status == .locked || current.status == .pendingVerification { current.status = .active }
            try await transaction.update(current)
            try await transaction.clearFailedSignIns(current.id)
            try await transaction.endSessions(of: current.id, except: nil, at: now)
            return current
        }
    }
}

/// "Forgot username": mails the usernames registered to an address; the same answer either way.
public struct RequestUsernameReminder: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(email typed: String) async throws {
        guard let email = EmailAddress(typed.trimmingCharacters(in: .whitespaces)) else { return }
        let accounts = try await context.store.accounts(emailCanonical: email.canonical)
            .filter { $0.status != .deactivated }
        guard let first = accounts.first else { return }
        let mail = context.mails.usernameReminder(context.ids.uuid(), to: first, usernames: accounts.map(\.username))
        let context = self.context
        try await context.store.transaction { transaction in
            try await transaction.enqueue(try context.outbox(mail, id: UUID()))
        }
    }
}
