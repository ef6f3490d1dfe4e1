import ECFDomain
import Foundation

/// Follows the mailed verification link: once, within 48 hours.
public struct VerifyEmail: Sendable {
    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(token secret: String) async throws -> PacerAccount {
        let now = context.clock.now
        return try await context.store.transaction { transaction in
            guard let token = try await transaction.token(hash: SecretHash.of(secret), purpose: .emailVerification),
                token.isUsable(at: now), try await transaction.useToken(token.id, at: now),
                var account = try await transaction.account(token.accountID)
            else {
                throw AccountError(
                    .invalidToken,
                    "This verification link is not valid: it was used already, it expired, or it was copied incompletely. Sign in to have a new one sent."
                )
            }
            account.emailVerifiedAt = now
            if account.status == .pendingVerification { account.status = .active }
            try await transaction.update(account)
            return account
        }
    }
}
