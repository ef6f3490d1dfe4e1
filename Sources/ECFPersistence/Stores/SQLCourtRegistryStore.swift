import ECFDomain
import ECFServices
import FluentKit
import Foundation
import Logging

/// The courts enabled on this server, in the PSC database.
public struct SQLCourtRegistryStore: CourtRegistryStore {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func enabledCourts() async throws -> [EnabledCourt] {
        try await EnabledCourtRecord.query(on: database).sort(\.$id).all().compactMap { record in
            // A court dropped from a newer registry stays in the database but is not served.
            guard let id = record.id, let court = FederalCourts.court(CourtID(id)) else { return nil }
            return EnabledCourt(court: court, enabledAt: record.enabledAt)
        }
    }

    public func enable(_ court: FederalCourt, at instant: Date) async throws -> Bool {
        try await database.transaction { db in
            if try await EnabledCourtRecord.find(court.id.rawValue, on: db) != nil { return false }
            try await EnabledCourtRecord(courtID: court.id.rawValue, enabledAt: instant).create(on: db)
            return true
        }
    }
}
