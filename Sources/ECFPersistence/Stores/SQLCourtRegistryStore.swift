import ECFDomain
import ECFServices
import FluentKit
import Foundation
import Logging
import SQLKit

/// The courts enabled on this server, in the PSC database.
public struct SQLCourtRegistryStore: CourtRegistryStore {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func enabledCourts() async throws -> [EnabledCourt] {
        // Read with SQLKit, not as Fluent models: the outbox worker lists the courts on every pass.
        try await (database as! any SQLDatabase).select().column("court_id").column("enabled_at")
            .from("enabled_courts").orderBy("court_id").all().compactMap { row in
                // A court dropped from a newer registry stays in the database but is not served.
                guard let court = FederalCourts.court(CourtID(try row.decode(column: "court_id", as: String.self)))
                else { return nil }
                return EnabledCourt(court: court, enabledAt: try row.decode(column: "enabled_at", as: Date.self))
            }
    }

    /// One row read with SQLKit: every court request asks, and decoding every enabled court (94
    /// at full scale) as Fluent models, whose fields go through `Mirror`, was several percent of
    /// a docket report's time (BENCHMARKS.md P1).
    public func enabledCourt(_ id: CourtID) async throws -> EnabledCourt? {
        guard
            let row = try await (database as! any SQLDatabase).select().column("enabled_at").from("enabled_courts")
                .where("court_id", .equal, id.rawValue).first(),
            let court = FederalCourts.court(id)
        else { return nil }
        return EnabledCourt(court: court, enabledAt: try row.decode(column: "enabled_at", as: Date.self))
    }

    public func enable(_ court: FederalCourt, at instant: Date) async throws -> Bool {
        try await database.transaction { db in
            if try await EnabledCourtRecord.find(court.id.rawValue, on: db) != nil { return false }
            try await EnabledCourtRecord(courtID: court.id.rawValue, enabledAt: instant).create(on: db)
            return true
        }
    }
}
