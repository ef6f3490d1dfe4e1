import ECFDomain
import Foundation

/// The clerk (or the operator) sets the court's document settings: the largest file it accepts
/// and whether a PDF without text is refused or only warned about. Audited.
public struct ChangeCourtSettings: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(
        court typed: String, maxFileMegabytes: String, scannedPDFs: String, summaryTime: String = "17:00",
        by actor: CourtActor
    ) async throws -> CourtSettings {
        let court = try await context.court(typed)
        try court.requireAvailable()
        var chosen: CourtSettings
        switch CourtSettings.typed(
            maxFileMegabytes: maxFileMegabytes, scannedPDFs: scannedPDFs, summaryTime: summaryTime)
        {
        case .success(let typed): chosen = typed
        case .failure(let problems): throw CourtError.invalid(problems, "The settings need another look.")
        }
        // Fees are the operator's setting (`SetCourtFees`), kept as they are.
        chosen.feeFree = try await court.store.settings().feeFree
        let settings = chosen
        let entry = context.audit(
            .settingsChanged, actor: actor.auditName,
            detail:
                "files up to \(settings.maxFileMegabytes) MB; scanned PDFs: \(settings.scannedPDFs.rawValue); daily summaries at \(settings.summaryTime)"
        )
        try await court.store.transaction { transaction in
            try await transaction.save(settings)
            try await transaction.append(entry)
        }
        context.summaryTimeChanged.raise()
        return settings
    }
}
