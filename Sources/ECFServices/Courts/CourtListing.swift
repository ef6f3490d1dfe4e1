import ECFDomain

/// An enabled court and where it stands now.
public struct CourtListing: Sendable, Equatable {
    public let court: FederalCourt
    public let phase: CourtPhase

    public init(court: FederalCourt, phase: CourtPhase) {
        self.court = court
        self.phase = phase
    }
}

/// Lists the courts this server runs, each with its phase at this instant.
public struct ListCourts: Sendable {
    let registry: any CourtRegistryStore
    let clock: any Clock

    public init(registry: any CourtRegistryStore, clock: any Clock) {
        self.registry = registry
        self.clock = clock
    }

    public func callAsFunction() async throws -> [CourtListing] {
        let now = clock.now
        return try await registry.enabledCourts()
            .map { CourtListing(court: $0.court, phase: $0.plan.phase(at: now)) }
            .sorted { $0.court.id < $1.court.id }
    }
}
