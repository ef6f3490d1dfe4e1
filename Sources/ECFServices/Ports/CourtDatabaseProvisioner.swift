import ECFDomain

/// Creates and migrates the database of a court (its own SQLite file or PostgreSQL database).
public protocol CourtDatabaseProvisioner: Sendable {
    func provision(_ court: CourtID) async throws
}
