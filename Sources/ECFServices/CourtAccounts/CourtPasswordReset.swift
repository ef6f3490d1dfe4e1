import ECFDomain
import Foundation

/// "Forgot password" for a court login, while the court is on legacy CM/ECF: a single-use,
/// 30-minute link to the account's addresses. The answer is the same whether or not a login
/// matched, so nobody can learn who has one.
public struct RequestCourtPasswordReset: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(court typed: String, loginOrEmail: String) async throws {
        let court = try await context.court(typed)
        try court.requireAvailable()
        try LegacyOnly.require(court)
        let typed = loginOrEmail.trimmingCharacters(in: .whitespaces)
        var accounts: [CourtAccount] = []
        if let email = EmailAddress(typed) {
            accounts = try await court.store.accounts(email: email.canonical)
        } else if let login = CourtLogin(typed), let account = try await court.store.account(login: login) {
            accounts = [account]
        }
        for account in accounts where account.legacyPasswordWorks {
            let secret = context.secrets.token()
            let token = CourtAccountToken(
                id: context.ids.uuid(), accountID: account.id, tokenHash: SecretHash.of(secret), createdAt: court.now)
            let message = try context.outbox(context.mails.passwordReset(account, court: court.court, token: secret))
            try await court.store.transaction { transaction in
                try await transaction.insert(token)
                try await transaction.enqueue(message)
            }
        }
    }
}

/// Follows a court reset link: sets a new password that meets the policy, ends the login's
/// sessions and lifts a lock. The link works once.
public struct ConfirmCourtPasswordReset: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(court typed: String, token secret: String, newPassword: String) async throws
        -> CourtAccount
    {
        let court = try await context.court(typed)
        try court.requireAvailable()
        try LegacyOnly.require(court)
        let now = court.now
        let invalid = CourtError(
            .invalidToken,
            "This reset link is not valid: it was used already, it is more than 30 minutes old, or it was copied incompletely. Ask for a new one."
        )
        let hash = SecretHash.of(secret)
        let preview = try await court.store.transaction { transaction -> CourtAccount? in
            guard let token = try await transaction.token(hash: hash), token.isUsable(at: now) else { return nil }
            return try await transaction.account(token.accountID)
        }
        guard let account = preview, account.legacyPasswordWorks else { throw invalid }
        if let problem = PasswordPolicy.check(
            newPassword, username: account.login.rawValue, firstName: account.firstName, lastName: account.lastName,
            email: account.email.address)
        {
            throw CourtError(.invalid, problem.description, fields: ["newPassword": problem.description])
        }
        let newHash = try await context.hasher.hash(newPassword)
        return try await court.store.transaction { transaction in
            guard let token = try await transaction.token(hash: hash), token.isUsable(at: now),
                try await transaction.useToken(token.id, at: now),
                var current = try await transaction.account(token.accountID), current.legacyPasswordWorks
            else { throw invalid }
            current.passwordHash = newHash
            current.mustChangePassword = false
            current.lockedUntil = nil
            try await transaction.update(current)
            try await transaction.clearFailedSignIns(current.id)
            try await transaction.endSessions(of: current.id, at: now)
            return current
        }
    }
}

/// "Request CM/ECF account information": mails the logins registered to an address; the same
/// answer either way.
public struct RequestCourtLoginReminder: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(court typed: String, email typedEmail: String) async throws {
        let court = try await context.court(typed)
        try court.requireAvailable()
        guard let email = EmailAddress(typedEmail.trimmingCharacters(in: .whitespaces)) else { return }
        let accounts = try await court.store.accounts(email: email.canonical).filter { $0.status == .active }
        guard !accounts.isEmpty else { return }
        let message = try context.outbox(context.mails.loginReminder(accounts, court: court.court))
        try await court.store.transaction { try await $0.enqueue(message) }
    }
}

/// Password help for court logins exists only on legacy CM/ECF; afterwards PACER's applies.
enum LegacyOnly {
    static func require(_ court: OpenCourt) throws {
        guard court.phase == .nextGen else { return }
        throw CourtError(
            .courtOnNextGen,
            "\(court.court.name) now runs NextGen CM/ECF: court passwords are no longer used. Sign in with PACER (reset your PACER password there if needed), then link your CM/ECF login."
        )
    }
}
