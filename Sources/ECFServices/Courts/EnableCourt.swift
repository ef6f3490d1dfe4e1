import ECFDomain

/// Enables a court on this server: its database is created and migrated first, then the court is
/// recorded, so that a court listed as enabled always has its database.
public struct EnableCourt: Sendable {
    public enum Outcome: Sendable, Equatable {
        case enabled(FederalCourt)
        case alreadyEnabled(FederalCourt)
    }

    let registry: any CourtRegistryStore
    let provisioner: any CourtDatabaseProvisioner
    let clock: any Clock

    public init(registry: any CourtRegistryStore, provisioner: any CourtDatabaseProvisioner, clock: any Clock) {
        self.registry = registry
        self.provisioner = provisioner
        self.clock = clock
    }

    public func callAsFunction(_ typedID: String) async throws -> Outcome {
        let court = try FederalCourts.require(typedID)
        try await provisioner.provision(court.id)
        let isNew = try await registry.enable(court, at: clock.now)
        return isNew ? .enabled(court) : .alreadyEnabled(court)
    }
}
