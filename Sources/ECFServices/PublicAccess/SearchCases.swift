import ECFDomain
import Foundation

/// A court's case search (CM/ECF's Query): the court's staff find every case; everyone else finds
/// a sealed case only by its number or dates, and sees only its number and "Sealed".
public struct SearchCases: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(_ search: CaseSearch, in court: OpenCourt, identity: CourtIdentity) async throws
        -> CaseSearchPage
    {
        try court.requireAvailable()
        let seesSealed = ReadCase.viewer(identity, phase: court.phase, participations: []) == .court
        return try await context.stores.docket(court.id).searchCases(search, court: court.id, seesSealed: seesSealed)
    }
}
