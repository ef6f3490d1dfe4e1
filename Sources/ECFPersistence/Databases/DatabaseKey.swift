import ECFDomain
import FluentKit

/// One of the databases: the PSC's or a court's.
public enum DatabaseKey: Hashable, Sendable, CustomStringConvertible {
    case psc
    case court(CourtID)

    var fluentID: DatabaseID {
        switch self {
        case .psc: DatabaseID(string: "psc")
        case .court(let id): DatabaseID(string: "court_\(id.rawValue)")
        }
    }

    /// The SQLite file name or the suffix of the PostgreSQL database name.
    var storageName: String {
        switch self {
        case .psc: "psc"
        case .court(let id): id.rawValue
        }
    }

    var migrations: [any Migration] {
        switch self {
        case .psc: MigrationList.psc
        case .court: MigrationList.court
        }
    }

    public var description: String {
        switch self {
        case .psc: "the PSC database"
        case .court(let id): "the database of court \(id)"
        }
    }
}
