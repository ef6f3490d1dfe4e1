import ECFDomain
import Foundation

/// Readiness for the cutover: one person's steps, and the clerk's count of who has linked.
public struct CourtReadiness: Sendable {
    public struct Summary: Sendable, Equatable {
        public struct Count: Sendable, Equatable {
            public var registered = 0
            public var linked = 0
        }

        public let registered: Int
        public let linked: Int
        public let byRole: [CourtRole: Count]
        /// Active accounts that have not linked, by name.
        public let notLinked: [CourtAccount]
        /// Active accounts that have linked, by name.
        public let linkedAccounts: [CourtAccount]
        /// Disabled accounts, by name.
        public let disabled: [CourtAccount]
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func forUser(in court: OpenCourt, signedIn: CSOClaims) async throws -> Readiness {
        try court.requireAvailable()
        let profile = try await context.profile(signedIn)
        let linked = try await court.store.account(linkedTo: profile.accountID)
        let onFile = try await court.store.accounts(email: profile.email.canonical).contains { !$0.isLinked }
        return Readiness(
            phase: court.phase, plan: court.plan, zone: court.zone, profile: profile, linked: linked,
            courtLoginOnFile: onFile)
    }

    public func summary(in court: OpenCourt) async throws -> Summary {
        let all = try await court.store.accounts()
        let accounts = all.filter { $0.status == .active }
        var byRole: [CourtRole: Summary.Count] = [:]
        for role in CourtRole.allCases { byRole[role] = .init() }
        for account in accounts {
            byRole[account.role, default: .init()].registered += 1
            if account.isLinked { byRole[account.role, default: .init()].linked += 1 }
        }
        let byName = accounts.sorted {
            ($0.lastName, $0.firstName, $0.login.canonical) < ($1.lastName, $1.firstName, $1.login.canonical)
        }
        let notLinked = byName.filter { !$0.isLinked }
        return Summary(
            registered: accounts.count, linked: accounts.count - notLinked.count, byRole: byRole, notLinked: notLinked,
            linkedAccounts: byName.filter(\.isLinked), disabled: all.filter { $0.status == .disabled })
    }

    /// Mails the link reminder to every active account that has not linked; NextGen courts only.
    public func remindUnlinked(in court: OpenCourt, by actor: CourtActor) async throws -> Int {
        guard court.phase == .nextGen else {
            throw CourtRefusals.error(.courtNotNextGen(nextGenAt: court.plan.nextGenAt), court: court)
        }
        let unlinked = try await summary(in: court).notLinked
        let messages = try unlinked.map { try context.outbox(context.mails.linkReminder($0, court: court.court)) }
        let entry = context.audit(.remindersSent, actor: actor.auditName, detail: "\(messages.count) reminders")
        try await court.store.transaction { transaction in
            for message in messages { try await transaction.enqueue(message) }
            try await transaction.append(entry)
        }
        return messages.count
    }
}
