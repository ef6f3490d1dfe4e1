import ECFDomain
import ECFServices
import FluentKit
import Foundation
import Logging
import SQLKit

/// The courts enabled on this server, in the PSC database.
public struct SQLCourtRegistryStore: CourtRegistryStore {
    let database: any Database
    /// Where the reads of every court request (the court's enabling, the plans' revision) go
    /// (`ECFDatabases.reads`).
    let reads: any SQLDatabase

    public init(database: any Database, reads: (any SQLDatabase)? = nil) {
        self.database = database
        self.reads = reads ?? database as! any SQLDatabase
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

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// One row read with SQLKit: every court request asks, and decoding every enabled court (94
    /// at full scale) as Fluent models, whose fields go through `Mirror`, was several percent of
    /// a docket report's time (BENCHMARKS.md P1).
    public func enabledCourtAndPlans(_ id: CourtID) async throws -> (court: EnabledCourt, plans: PlansRevision)? {
        guard
            let row = try await reads.raw(
                "SELECT e.enabled_at, r.revision, r.changing_until FROM enabled_courts e JOIN court_plans_revision r ON r.id = 1 WHERE e.court_id = \(bind: id.rawValue)"
            ).first(),
            let court = FederalCourts.court(id)
        else { return nil }
        return (
            EnabledCourt(court: court, enabledAt: try row.decode(column: "enabled_at", as: Date.self)),
            PlansRevision(
                revision: try row.decode(column: "revision", as: Int64.self),
                changingUntil: try row.decode(column: "changing_until", as: Date?.self))
        )
    }

    public func plansRevision() async throws -> PlansRevision {
        guard
            let row = try await reads.select().column("revision").column("changing_until").from("court_plans_revision")
                .where("id", .equal, 1).first()
        else { throw PersistenceError.corruptRow(table: "court_plans_revision", detail: "its one row is missing") }
        return PlansRevision(
            revision: try row.decode(column: "revision", as: Int64.self),
            changingUntil: try row.decode(column: "changing_until", as: Date?.self))
    }

    public func planChanging(until: Date) async throws {
        try await sql.raw(
            "UPDATE court_plans_revision SET revision = revision + 1, changing_until = CASE WHEN changing_until IS NULL OR changing_until < \(bind: until) THEN \(bind: until) ELSE changing_until END WHERE id = 1"
        ).run()
    }

    public func planChanged() async throws {
        try await sql.raw("UPDATE court_plans_revision SET revision = revision + 1 WHERE id = 1").run()
    }

    public func enable(_ court: FederalCourt, at instant: Date) async throws -> Bool {
        try await database.transaction { db in
            if try await EnabledCourtRecord.find(court.id.rawValue, on: db) != nil { return false }
            try await EnabledCourtRecord(courtID: court.id.rawValue, enabledAt: instant).create(on: db)
            return true
        }
    }
}
