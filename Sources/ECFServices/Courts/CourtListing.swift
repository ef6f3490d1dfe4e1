import ECFDomain
import Foundation

/// An enabled court and where it stands now.
public struct CourtListing: Sendable, Equatable {
    public let court: FederalCourt
    public let plan: CutoverPlan
    public let now: Date

    public init(court: FederalCourt, plan: CutoverPlan, now: Date) {
        self.court = court
        self.plan = plan
        self.now = now
    }

    public var phase: CourtPhase { plan.phase(at: now) }
    public var zone: TimeZone { TimeZone(identifier: court.timeZoneID) ?? .gmt }
}

/// Lists the courts this server runs, each with its cutover plan (read from the court's own
/// database) and its phase at this instant.
public struct ListCourts: Sendable {
    let registry: any CourtRegistryStore
    /// Where each court keeps its plan; without it every court is listed on legacy CM/ECF.
    let stores: (any CourtStores)?
    let clock: any Clock

    public init(registry: any CourtRegistryStore, stores: (any CourtStores)? = nil, clock: any Clock) {
        self.registry = registry
        self.stores = stores
        self.clock = clock
    }

    public func callAsFunction() async throws -> [CourtListing] {
        let now = clock.now
        var listings: [CourtListing] = []
        for enabled in try await registry.enabledCourts() {
            let plan = try await stores?.store(enabled.court.id).plan() ?? enabled.plan
            listings.append(CourtListing(court: enabled.court, plan: plan, now: now))
        }
        return listings.sorted { $0.court.id < $1.court.id }
    }
}
