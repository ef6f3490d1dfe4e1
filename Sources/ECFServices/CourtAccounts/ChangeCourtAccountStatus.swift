import ECFDomain
import Foundation

/// The clerk disables a court account (it can no longer sign in, link or file; its sessions end)
/// or enables it again. Audited.
public struct ChangeCourtAccountStatus: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(
        court typed: String, account id: CourtAccountID, to status: CourtAccount.Status, by actor: CourtActor
    ) async throws -> CourtAccount {
        let court = try await context.court(typed)
        try court.requireAvailable()
        guard var account = try await court.store.account(id) else {
            throw CourtError(.notFound, "No court account has this id.")
        }
        if case .clerk(let clerk) = actor, clerk.id == id, status == .disabled {
            throw CourtError(.invalid, "You cannot disable your own account; ask another member of the clerk's office.")
        }
        account.status = status
        let entry = context.audit(
            status == .disabled ? .accountDisabled : .accountEnabled, actor: actor.auditName, courtAccount: id,
            pacerAccount: account.linkedAccount, detail: account.login.rawValue)
        let changed = account
        let now = court.now
        try await court.store.transaction { transaction in
            try await transaction.update(changed)
            if status == .disabled { try await transaction.endSessions(of: id, at: now) }
            try await transaction.append(entry)
        }
        return changed
    }
}
