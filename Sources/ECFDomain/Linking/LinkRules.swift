import Foundation

/// Why linking a court login to a PACER account is refused.
public enum LinkRefusal: Error, Equatable, Sendable {
    /// The court has not moved to NextGen yet; linking opens on `nextGenAt` (nil: not planned).
    case courtNotNextGen(nextGenAt: Date?)
    case courtUnavailable
    case pacerAccountNotUpgraded
    case pacerAccountNotActive
    case pacerAccountNotIndividual
    /// The PACER account is linked to another login of this court, or the login to another account.
    case alreadyLinked
    case courtAccountDisabled
}

/// The rules of the one-time link between a court CM/ECF login and a PACER account.
///
/// Source: DESIGN.md "Accounts and linking rules", from the C.D. Cal. NextGen notice — linking is
/// possible only after the court has moved to NextGen, for a signed-in, active, individual,
/// upgraded PACER account, once per court, and neither side may already be linked.
public enum LinkRules {
    /// The refusal that applies before the password is even looked at, or `nil`.
    public static func refusal(
        phase: CourtPhase, plan: CutoverPlan, profile: PacerProfile, alreadyLinkedInCourt: Bool
    ) -> LinkRefusal? {
        switch phase {
        case .legacy: return .courtNotNextGen(nextGenAt: plan.nextGenAt)
        case .blackout: return .courtUnavailable
        case .nextGen: break
        }
        if !profile.active { return .pacerAccountNotActive }
        if !profile.individual { return .pacerAccountNotIndividual }
        if !profile.upgraded { return .pacerAccountNotUpgraded }
        if alreadyLinkedInCourt { return .alreadyLinked }
        return nil
    }

    /// The refusal that depends on the court account found for the login (after its password).
    public static func refusal(courtAccount: CourtAccount) -> LinkRefusal? {
        if courtAccount.isLinked { return .alreadyLinked }
        if courtAccount.status != .active { return .courtAccountDisabled }
        return nil
    }
}
