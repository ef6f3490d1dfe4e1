import ECFDomain
import Foundation

/// A court's case search (CM/ECF's Query): the court's staff find every case; everyone else finds
/// a sealed case only by its number or dates, and sees only its number and "Sealed".
public struct SearchCases: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    /// The page of results, and the searcher as the fees see it (court staff search free).
    public func callAsFunction(_ search: CaseSearch, in court: OpenCourt, identity: CourtIdentity) async throws
        -> (page: CaseSearchPage, viewer: Viewer)
    {
        try court.requireAvailable()
        let viewer = ReadCase.viewer(identity, phase: court.phase, participations: [])
        let page = try await context.stores.docket(court.id).searchCases(
            search, court: court.id, seesSealed: viewer == .court)
        return (page, viewer)
    }
}
