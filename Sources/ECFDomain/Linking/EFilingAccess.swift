import Foundation

/// Who is asking to e-file in a court, as the court knows them.
public enum CourtIdentity: Sendable, Equatable {
    case nobody
    /// Signed in with the court's own (legacy) login.
    case legacyLogin(CourtAccount)
    /// Signed in through PACER Central Sign-On, with the court account linked to it, if any.
    case pacer(PacerProfile, linked: CourtAccount?)
}

/// Why e-filing is refused.
public enum EFilingRefusal: Error, Equatable, Sendable {
    case notSignedIn
    case courtUnavailable
    /// The court is on NextGen: its legacy logins no longer file; sign in with PACER and link.
    case legacyLoginRetired
    /// The court is still on legacy CM/ECF: e-file with the court login, not with PACER.
    case courtStillLegacy
    case notLinked
    case pacerAccountNotUpgraded
    case roleMayNotFile(CourtRole)
    case courtAccountDisabled
    /// A personal API token without the `file` scope.
    case tokenMayNotFile
}

/// Who may e-file in a court at a given phase.
///
/// Source: the phase table in DESIGN.md — on legacy CM/ECF the court login files; during the
/// blackout nobody does; on NextGen only PACER accounts linked to a court account whose role may
/// file ("E-filers who have not linked cannot e-file after the cutover").
public enum EFilingAccess {
    public static func decide(phase: CourtPhase, identity: CourtIdentity) -> Result<CourtAccount, EFilingRefusal> {
        if phase == .blackout { return .failure(.courtUnavailable) }
        if case .pacer(let profile, _) = identity, !profile.scopes.contains(.file) { return .failure(.tokenMayNotFile) }
        let account: CourtAccount
        switch (phase, identity) {
        case (_, .nobody): return .failure(.notSignedIn)
        case (.legacy, .legacyLogin(let court)): account = court
        case (.legacy, .pacer(_, let linked)):
            // Accounts approved after a court's cutover date cannot exist before it; an unlinked
            // PACER user files with the court login until the cutover.
            guard let linked else { return .failure(.courtStillLegacy) }
            account = linked
        case (_, .legacyLogin): return .failure(.legacyLoginRetired)
        case (_, .pacer(let profile, let linked)):
            guard let linked else { return .failure(.notLinked) }
            guard profile.upgraded else { return .failure(.pacerAccountNotUpgraded) }
            account = linked
        }
        if account.status != .active { return .failure(.courtAccountDisabled) }
        guard account.role.mayEFile else { return .failure(.roleMayNotFile(account.role)) }
        return .success(account)
    }
}
