import ECFDomain
import Foundation

/// A court enabled on this server, as stored by the PSC.
public struct EnabledCourt: Sendable, Equatable {
    public let court: FederalCourt
    public let enabledAt: Date
    public let plan: CutoverPlan

    public init(court: FederalCourt, enabledAt: Date, plan: CutoverPlan = .none) {
        self.court = court
        self.enabledAt = enabledAt
        self.plan = plan
    }
}

/// Which courts this server runs.
public protocol CourtRegistryStore: Sendable {
    func enabledCourts() async throws -> [EnabledCourt]
    /// The court with this id, if it is enabled here (every court request asks).
    func enabledCourt(_ id: CourtID) async throws -> EnabledCourt?
    /// Records the court as enabled; enabling a court twice changes nothing and returns `false`.
    func enable(_ court: FederalCourt, at instant: Date) async throws -> Bool
}
