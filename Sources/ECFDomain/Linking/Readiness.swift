import Foundation

/// Where one person stands on the way to e-filing in a NextGen court, step by step.
///
/// Source: the C.D. Cal. NextGen notice's preparation steps (an individual PACER account, upgraded
/// if legacy, the court login known) and the link after the cutover. None of the real systems
/// shows a person this list; OpenECF does.
public struct Readiness: Sendable, Equatable {
    public enum StepID: String, Sendable, CaseIterable {
        case individualAccount
        case upgradedAccount
        case courtLogin
        case linked
        case eFile
    }

    public struct Step: Sendable, Equatable {
        public let id: StepID
        public let title: String
        public let done: Bool
        /// What to do next, in words; `nil` when the step is done or nothing can be done yet.
        public let how: String?
    }

    public let phase: CourtPhase
    public let individual: Bool
    public let upgraded: Bool
    public let linked: Bool
    public let canEFile: Bool
    public let steps: [Step]

    /// - Parameters:
    ///   - courtLoginOnFile: a court login uses the person's PACER e-mail address.
    public init(
        phase: CourtPhase, plan: CutoverPlan, zone: TimeZone, profile: PacerProfile, linked: CourtAccount?,
        courtLoginOnFile: Bool
    ) {
        self.phase = phase
        individual = profile.individual
        upgraded = profile.upgraded
        self.linked = linked != nil
        canEFile = EFilingAccess.decide(phase: phase, identity: .pacer(profile, linked: linked)).isSuccess
        let cutoverDay = plan.nextGenAt.map { CourtLocalTime.dayAndTime($0, in: zone) }
        let linkHow: String? =
            switch phase {
            case .nextGen: "Link your court CM/ECF login to your PACER account (once)."
            case .blackout: "The court is unavailable during its upgrade; link once it is back on NextGen."
            case .legacy:
                cutoverDay.map { "Linking opens when the court moves to NextGen on \($0)." }
                    ?? "Linking opens when the court moves to NextGen; no date is announced yet."
            }
        let fileHow: String? =
            if linked.map({ !$0.role.mayEFile }) == true {
                "Your court account's role receives notices but does not e-file."
            } else if linked == nil, phase == .nextGen {
                "Link your court login first, or ask the court for e-filing privileges from PACER."
            } else {
                nil
            }
        steps = [
            Step(
                id: .individualAccount, title: "Your own individual PACER account", done: profile.individual,
                how: profile.individual
                    ? nil : "Register a free individual PACER account; a shared account cannot file."),
            Step(
                id: .upgradedAccount, title: "PACER account upgraded", done: profile.upgraded,
                how: profile.upgraded
                    ? nil : "Your PACER account was issued before August 11, 2014: upgrade it in Manage My Account."),
            Step(
                id: .courtLogin, title: "Court CM/ECF login and password known",
                done: linked != nil || courtLoginOnFile,
                how: linked != nil
                    ? nil
                    : courtLoginOnFile
                        ? "A court login uses your e-mail address. If you forgot its password, reset it."
                        : "No court login uses your PACER e-mail address. Request your login by e-mail, or ask the court for e-filing privileges."
            ),
            Step(
                id: .linked, title: "Court login linked to PACER", done: linked != nil,
                how: linked != nil ? nil : linkHow),
            Step(id: .eFile, title: "Can e-file in this court", done: canEFile, how: canEFile ? nil : fileHow),
        ]
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
