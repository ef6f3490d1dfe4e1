import ECFDomain
import Foundation

/// A court's search of its docket text, free for everyone: the court's staff find every entry;
/// everyone else only public entries of public cases.
public struct SearchDocketText: Sendable {
    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(_ search: DocketTextSearch, in court: OpenCourt, identity: CourtIdentity)
        async throws -> DocketTextPage
    {
        try court.requireAvailable()
        let viewer = ReadCase.viewer(identity, phase: court.phase, participations: [])
        return try await context.stores.docket(court.id).searchText(
            search, court: court.id, seesRestricted: viewer == .court)
    }
}
