import ECFDomain
import ECFServices

/// Creates and migrates a court's own database.
public struct SQLCourtDatabaseProvisioner: CourtDatabaseProvisioner {
    let databases: ECFDatabases

    public init(databases: ECFDatabases) {
        self.databases = databases
    }

    public func provision(_ court: CourtID) async throws {
        try await databases.prepare(.court(court))
    }
}
