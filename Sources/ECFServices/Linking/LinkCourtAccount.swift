import ECFDomain
import Foundation

/// The one-time link of a court CM/ECF login to the signed-in PACER account.
public struct LinkCourtAccount: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(
        court typed: String, signedIn: CSOClaims, login typedLogin: String, password: String, client: String
    ) async throws -> CourtAccount {
        let court = try await context.court(typed)
        let profile = try await context.profile(signedIn)
        let linkedAlready = try await court.store.account(linkedTo: profile.accountID) != nil
        if let refusal = LinkRules.refusal(
            phase: court.phase, plan: court.plan, profile: profile, alreadyLinkedInCourt: linkedAlready)
        {
            throw CourtRefusals.error(refusal, court: court)
        }
        let now = court.now
        if context.clients.isBlocked(client, at: now) {
            throw CourtError(.rateLimited, "Too many failed attempts from your network. Wait 15 minutes and try again.")
        }
        guard let login = CourtLogin(typedLogin), let account = try await court.store.account(login: login) else {
            _ = await context.hasher.verify(password, against: context.decoyHash)
            context.clients.record(client, at: now)
            throw LegacySignIn.invalid
        }
        if account.isLinked { throw CourtRefusals.error(.alreadyLinked, court: court) }
        guard let hash = account.passwordHash else { throw LegacySignIn.invalid }
        try await CourtPasswordCheck(context: context, store: court.store).check(
            password, for: account, hash: hash, client: client, at: now)
        if let refusal = LinkRules.refusal(courtAccount: account) { throw CourtRefusals.error(refusal, court: court) }
        var linked = account
        linked.linkedAccount = profile.accountID
        linked.linkedAt = now
        linked.passwordHash = nil
        linked.mustChangePassword = false
        let entry = context.audit(
            .linked, actor: "pacer:\(profile.username)", courtAccount: account.id, pacerAccount: profile.accountID,
            detail: "\(account.login) linked to \(profile.username)")
        let message = try context.outbox(context.mails.linked(linked, court: court.court, profile: profile, at: now))
        let final = linked
        try await court.store.transaction { transaction in
            // Checked again inside the transaction, so two tabs cannot both link.
            guard let current = try await transaction.account(account.id), !current.isLinked,
                try await transaction.account(linkedTo: profile.accountID) == nil
            else { throw CourtRefusals.error(.alreadyLinked, court: court) }
            try await transaction.update(final)
            try await transaction.endSessions(of: account.id, at: now)
            try await transaction.append(entry)
            try await transaction.enqueue(message)
        }
        return final
    }
}

/// The clerk's undoing of a link (a wrong PACER account was linked): audited, and the person is told.
public struct UnlinkCourtAccount: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(court typed: String, account id: CourtAccountID, reason: String, by actor: CourtActor)
        async throws -> CourtAccount
    {
        let court = try await context.court(typed)
        try court.requireAvailable()
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw CourtError(
                .invalid, "Say why the link is removed.", fields: ["reason": "Say why the link is removed."])
        }
        guard let account = try await court.store.account(id), let pacer = account.linkedAccount else {
            throw CourtError(.notFound, "No linked court account has this id.")
        }
        // The legacy password was erased at the link: a one-time password lets the right person link again.
        let oneTime = OneTimePassword.make(context.secrets)
        var unlinked = account
        unlinked.linkedAccount = nil
        unlinked.linkedAt = nil
        unlinked.passwordHash = try await context.hasher.hash(oneTime)
        let entry = context.audit(
            .unlinked, actor: actor.auditName, courtAccount: account.id, pacerAccount: pacer, detail: why)
        let message = try context.outbox(
            context.mails.unlinked(account, court: court.court, reason: why, oneTimePassword: oneTime))
        let final = unlinked
        try await court.store.transaction { transaction in
            try await transaction.update(final)
            try await transaction.append(entry)
            try await transaction.enqueue(message)
        }
        return final
    }
}

extension CourtContext {
    /// The PSC's current view of the signed-in account (not the token's, which may be minutes old).
    func profile(_ claims: CSOClaims) async throws -> PacerProfile {
        guard var profile = try await profiles.profile(claims.accountID) else {
            throw CourtError(.notSignedIn, "This PACER account no longer exists. Sign in again.")
        }
        profile.scopes = claims.scopes
        return profile
    }
}

/// The words and codes of the court's refusals.
enum CourtRefusals {
    static func error(_ refusal: LinkRefusal, court: OpenCourt) -> CourtError {
        switch refusal {
        case .courtNotNextGen(let nextGenAt):
            let when =
                nextGenAt.map { "on \(CourtLocalTime.dayAndTime($0, in: court.zone))" } ?? "once it announces a date"
            return CourtError(
                .courtNotNextGen,
                "\(court.court.name) is still on legacy CM/ECF. Linking opens when it moves to NextGen \(when).")
        case .courtUnavailable:
            do { try court.requireAvailable() } catch let error as CourtError { return error } catch {}
            return CourtError(.courtUnavailable, "\(court.court.name) is unavailable while it moves to NextGen CM/ECF.")
        case .pacerAccountNotUpgraded:
            return CourtError(
                .pacerAccountNotUpgraded,
                "Your PACER account was issued before August 11, 2014 and must be upgraded before it can be linked: open Manage My Account and choose “Upgrade my account”."
            )
        case .pacerAccountNotActive:
            return CourtError(
                .pacerAccountNotActive, "Your PACER account is not active. Contact the PACER Service Center.")
        case .pacerAccountNotIndividual:
            return CourtError(
                .pacerAccountNotIndividual, "Only an individual PACER account can be linked; a shared account cannot.")
        case .alreadyLinked:
            return CourtError(
                .alreadyLinked,
                "Already linked: in this court, your PACER account is linked to a CM/ECF login, or this login to a PACER account. Linking is done once; the clerk's office can correct a wrong link."
            )
        case .courtAccountDisabled:
            return CourtError(.courtAccountDisabled, "This CM/ECF account is disabled. Contact the clerk's office.")
        }
    }

    static func error(_ refusal: EFilingRefusal, court: OpenCourt) -> CourtError {
        switch refusal {
        case .notSignedIn:
            return CourtError(.notSignedIn, "Sign in to e-file in \(court.court.name).")
        case .courtUnavailable:
            return error(LinkRefusal.courtUnavailable, court: court)
        case .legacyLoginRetired:
            return CourtError(
                .courtOnNextGen,
                "\(court.court.name) runs NextGen CM/ECF: court logins no longer e-file. Sign in with PACER and link your CM/ECF login."
            )
        case .courtStillLegacy:
            return CourtError(
                .courtStillLegacy,
                "\(court.court.name) is still on legacy CM/ECF: e-file with your court CM/ECF login until the court moves to NextGen."
            )
        case .notLinked:
            return CourtError(
                .notLinked,
                "Your PACER account is not linked to a CM/ECF login of \(court.court.name), so you can view but not e-file. Link your court login (once), or ask the court for e-filing privileges."
            )
        case .pacerAccountNotUpgraded:
            return error(LinkRefusal.pacerAccountNotUpgraded, court: court)
        case .roleMayNotFile(let role):
            return CourtError(.roleMayNotFile, "A \(role.label) account receives notices but cannot e-file.")
        case .courtAccountDisabled:
            return error(LinkRefusal.courtAccountDisabled, court: court)
        case .tokenMayNotFile:
            return CourtError(
                .insufficientScope,
                "This API token cannot file: its scopes do not include “file”. Make a token with the file scope in Manage My Account."
            )
        }
    }
}
