import ECFDomain
import Foundation

/// Changes the password of a signed-in account (and replaces a mailed one-time password): the
/// current password is asked, the new one must meet the policy, and every other session ends.
public struct ChangePassword: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(
        _ id: AccountID, session: SessionID, currentPassword: String, newPassword: String
    ) async throws -> PacerAccount {
        guard var account = try await context.store.account(id) else {
            throw AccountError(.notSignedIn, "Sign in again.")
        }
        guard await context.hasher.verify(currentPassword, against: account.passwordHash) else {
            throw AccountError(
                .invalid, "Your current password is not right.",
                fields: ["currentPassword": "Your current password is not right."])
        }
        if let problem = PasswordPolicy.check(
            newPassword, username: account.username.rawValue, firstName: account.firstName,
            lastName: account.lastName, email: account.email.address)
        {
            throw AccountError(.invalid, problem.description, fields: ["newPassword": problem.description])
        }
        account.passwordHash = try await context.hasher.hash(newPassword)
        account.mustChangePassword = false
        let changed = account
        let now = context.clock.now
        try await context.store.transaction { transaction in
            try await transaction.update(changed)
            try await transaction.endSessions(of: changed.id, except: session, at: now)
        }
        return changed
    }
}
