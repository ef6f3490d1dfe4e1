import ECFDomain
import Foundation

/// The operator's (or the clerk's) choices about public-access fees in one court: run the court
/// fee-free, or exempt one PACER account there (pro bono counsel, a researcher). Audited.
///
/// Source: EPA Fee Schedule, exemptions ("courts may exempt … from the payment of fees" for a
/// defined period and purpose); issue 7 (a fee-free court setting).
public struct SetCourtFees: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func feeFree(_ on: Bool, court typed: String, by actor: CourtActor) async throws {
        let court = try await context.court(typed)
        var settings = try await court.store.settings()
        settings.feeFree = on
        let saved = settings
        let entry = context.audit(
            .settingsChanged, actor: actor.auditName,
            detail: on ? "public access fee-free" : "public access billed at the EPA fee schedule")
        try await court.store.transaction { transaction in
            try await transaction.save(saved)
            try await transaction.append(entry)
        }
    }

    /// Grants or revokes the exemption of the account with this PACER username.
    public func exempt(username typed: String, reason: String?, court: String, by actor: CourtActor) async throws {
        guard let username = Username(typed), let profile = try await context.profiles.profile(username: username)
        else {
            throw CourtError(
                .notFound, "There is no PACER account with the username \(typed).",
                fields: ["username": "Check the PACER username."])
        }
        try await exempt(profile.accountID, username: profile.username, reason: reason, court: court, by: actor)
    }

    /// Grants the exemption with its reason, or revokes it (`reason` nil).
    public func exempt(
        _ account: AccountID, username: String, reason: String?, court typed: String, by actor: CourtActor
    )
        async throws
    {
        let court = try await context.court(typed)
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let reason, reason.isEmpty || reason.count > 200 {
            throw CourtError(
                .invalid, "Say why the account is exempt, in at most 200 characters.",
                fields: ["reason": "Enter the reason, for example: pro bono counsel in 2:26-cv-00001."])
        }
        let entry = context.audit(
            .feeExemptionChanged, actor: actor.auditName, pacerAccount: account,
            detail: reason.map { "\(username) exempt from fees: \($0)" } ?? "\(username) no longer exempt from fees")
        let now = context.clock.now
        try await context.stores.docket(court.id).transaction { transaction in
            try await transaction.setFeeExemption(account, reason: reason, at: now, by: actor.auditName)
        }
        try await court.store.transaction { try await $0.append(entry) }
    }
}
