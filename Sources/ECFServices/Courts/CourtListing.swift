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
/// database, or kept from an earlier listing while it cannot have changed) and its phase at this
/// instant.
public struct ListCourts: Sendable {
    let registry: any CourtRegistryStore
    /// Where each court keeps its plan; without it every court is listed on legacy CM/ECF.
    let stores: (any CourtStores)?
    let clock: any Clock
    let plans: CourtPlansCache

    public init(
        registry: any CourtRegistryStore, stores: (any CourtStores)? = nil, clock: any Clock,
        plans: CourtPlansCache = CourtPlansCache()
    ) {
        self.registry = registry
        self.stores = stores
        self.clock = clock
        self.plans = plans
    }

    public func callAsFunction() async throws -> [CourtListing] {
        let now = clock.now
        let enabled = try await registry.enabledCourts()
        var plans: [CourtID: CutoverPlan] = [:]
        if let stores {
            plans = try await self.plans.plans(
                of: enabled.map(\.court.id), now: now, registry: registry, stores: stores)
        }
        return enabled.map { CourtListing(court: $0.court, plan: plans[$0.court.id] ?? $0.plan, now: now) }
            .sorted { $0.court.id < $1.court.id }
    }
}
