import ECFDomain
import Foundation

/// Who a request is, as a court sees it, and what that person may do there: e-file, act as clerk.
public struct CourtAccess: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// The court identity of a request: its court-login session (legacy CM/ECF) or its PACER sign-in.
    public func identity(in court: OpenCourt, courtSession: String?, signedIn: CSOClaims?) async throws
        -> CourtIdentity
    {
        if let courtSession,
            let account = try await CourtSessions(context).account(of: courtSession, in: court),
            account.legacyPasswordWorks
        {
            return .legacyLogin(account)
        }
        if let signedIn {
            let profile = try await context.profile(signedIn)
            return .pacer(profile, linked: try await court.store.account(linkedTo: profile.accountID))
        }
        return .nobody
    }

    /// The court account that may e-file now, or the refusal in words (403, or 401 when nobody is signed in).
    public func eFiler(in court: OpenCourt, identity: CourtIdentity) throws -> CourtAccount {
        switch EFilingAccess.decide(phase: court.phase, identity: identity) {
        case .success(let account): return account
        case .failure(let refusal): throw CourtRefusals.error(refusal, court: court)
        }
    }

    /// The clerk's office account behind the request, or a refusal.
    public func clerk(in court: OpenCourt, identity: CourtIdentity) throws -> CourtAccount {
        try court.requireAvailable()
        let account: CourtAccount?
        switch identity {
        case .nobody:
            throw CourtError(.notSignedIn, "Sign in as a member of the clerk's office of \(court.court.name).")
        case .legacyLogin(let login):
            // After the cutover the clerk's office, like everyone, acts through a linked PACER account.
            guard court.phase == .legacy else {
                throw CourtRefusals.error(EFilingRefusal.legacyLoginRetired, court: court)
            }
            account = login
        case .pacer(let profile, let linked):
            guard profile.scopes.contains(.clerk) else {
                throw CourtError(
                    .insufficientScope,
                    "This API token cannot act for the clerk's office: its scopes do not include “clerk”.")
            }
            account = linked
        }
        guard let account, account.role == .clerk, account.status == .active else {
            throw CourtError(.notClerk, "Only the clerk's office of \(court.court.name) can do this.")
        }
        return account
    }
}
