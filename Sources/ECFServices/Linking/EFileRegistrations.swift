import ECFDomain
import Foundation

/// E-file registration after the cutover: a PACER account asks a NextGen court for e-filing
/// privileges; the clerk approves (a linked court account is made) or rejects with a reason.
public struct EFileRegistrations: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func request(
        signedIn: CSOClaims, court typed: String, role typedRole: String, barNumber: String?, barState: String?
    ) async throws -> EFileRegistration {
        let court = try await context.court(typed)
        try court.requireAvailable()
        let profile = try await context.profile(signedIn)
        if court.phase != .nextGen {
            throw CourtRefusals.error(.courtNotNextGen(nextGenAt: court.plan.nextGenAt), court: court)
        }
        if !profile.upgraded { throw CourtRefusals.error(LinkRefusal.pacerAccountNotUpgraded, court: court) }
        if try await court.store.account(linkedTo: profile.accountID) != nil {
            throw CourtRefusals.error(LinkRefusal.alreadyLinked, court: court)
        }
        if try await court.store.registrations(status: .pending).contains(where: {
            $0.pacerAccount == profile.accountID
        }) {
            throw CourtError(
                .alreadyRequested,
                "You already asked this court for e-filing privileges; the clerk's office will decide.")
        }
        var problems = FieldProblems()
        let role = CourtRole(rawValue: typedRole)
        if role == nil || !CourtRole.requestable.contains(role!) {
            problems["role"] = "Choose attorney, proSeFiler or mediaEService."
        }
        let bar = barNumber?.trimmingCharacters(in: .whitespaces) ?? ""
        let state = barState?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
        if role == .attorney {
            if bar.isEmpty || bar.count > 20 { problems["barNumber"] = "Enter your bar number." }
            if state.count != 2 || !state.allSatisfy(\.isLetter) {
                problems["barState"] = "Enter the two-letter code of your bar's state, such as CA."
            }
        }
        guard problems.isEmpty, let role else { throw CourtError.invalid(problems) }
        let registration = EFileRegistration(
            id: context.ids.uuid(), pacerAccount: profile.accountID, username: profile.username,
            firstName: profile.firstName, lastName: profile.lastName, email: profile.email, role: role,
            barNumber: role == .attorney ? bar : nil, barState: role == .attorney ? state : nil,
            requestedAt: court.now)
        try await court.store.transaction { try await $0.insert(registration) }
        return registration
    }

    public func queue(in court: OpenCourt) async throws -> [EFileRegistration] {
        try await court.store.registrations(status: .pending)
    }

    public func approve(_ id: UUID, in court: OpenCourt, by actor: CourtActor) async throws -> EFileRegistration {
        try await decide(id, in: court, approve: true, reason: nil, by: actor)
    }

    public func reject(_ id: UUID, in court: OpenCourt, reason: String, by actor: CourtActor) async throws
        -> EFileRegistration
    {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw CourtError(
                .invalid, "Give the reason for the rejection; the person receives it.",
                fields: ["reason": "Give the reason."])
        }
        return try await decide(id, in: court, approve: false, reason: why, by: actor)
    }

    private func decide(_ id: UUID, in court: OpenCourt, approve: Bool, reason: String?, by actor: CourtActor)
        async throws -> EFileRegistration
    {
        let now = court.now
        let context = self.context
        return try await court.store.transaction { transaction in
            guard var registration = try await transaction.registration(id) else {
                throw CourtError(.notFound, "There is no e-file registration with this id.")
            }
            guard registration.status == .pending else {
                throw CourtError(.alreadyDecided, "This registration was already \(registration.status.rawValue).")
            }
            registration.status = approve ? .approved : .rejected
            registration.decidedAt = now
            registration.reason = reason
            var login: CourtLogin?
            if approve {
                if try await transaction.account(linkedTo: registration.pacerAccount) != nil {
                    throw CourtRefusals.error(LinkRefusal.alreadyLinked, court: court)
                }
                let chosen = try await Self.freeLogin(for: registration, in: transaction)
                let account = CourtAccount(
                    id: CourtAccountID(context.ids.uuid()), court: court.id, login: chosen, passwordHash: nil,
                    role: registration.role, firstName: registration.firstName, lastName: registration.lastName,
                    email: registration.email, barNumber: registration.barNumber, barState: registration.barState,
                    createdAt: now, linkedAccount: registration.pacerAccount, linkedAt: now)
                try await transaction.insert(account)
                registration.courtAccount = account.id
                login = chosen
            }
            try await transaction.update(registration)
            try await transaction.append(
                context.audit(
                    approve ? .registrationApproved : .registrationRejected, actor: actor.auditName,
                    courtAccount: registration.courtAccount, pacerAccount: registration.pacerAccount,
                    detail: reason ?? registration.role.rawValue))
            try await transaction.enqueue(
                try context.outbox(context.mails.registrationDecided(registration, court: court.court, login: login)))
            return registration
        }
    }

    /// The PACER username as the court login, with a number added if the court already has it.
    static func freeLogin(for registration: EFileRegistration, in transaction: any CourtTransaction) async throws
        -> CourtLogin
    {
        let base =
            CourtLogin(registration.username) ?? CourtLogin("user-\(registration.pacerAccount.description.prefix(8))")!
        if try await transaction.account(login: base) == nil { return base }
        for suffix in 2...99 {
            if let candidate = CourtLogin("\(base.rawValue.prefix(36))\(suffix)"),
                try await transaction.account(login: candidate) == nil
            {
                return candidate
            }
        }
        return CourtLogin("user-\(registration.id.uuidString.prefix(8))")!
    }
}
