import Foundation

/// Where the databases live: SQLite files in a directory, or a PostgreSQL server on which the PSC
/// and each court get their own database, named `<base>_psc` and `<base>_<court>`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(directory: URL)
    case postgres(PostgresServer)

    /// Reads `--database-url`: `nil` means SQLite files in `<dataDirectory>/databases`.
    public static func parse(_ url: String?, dataDirectory: URL) throws(DatabaseURLError) -> DatabaseLocation {
        guard let url else {
            return .sqlite(directory: dataDirectory.appendingPathComponent("databases", isDirectory: true))
        }
        return .postgres(try PostgresServer(url: url))
    }
}

/// A PostgreSQL server reached by URL: `postgres://user:password@host:port/base?sslmode=disable|prefer|require`.
public struct PostgresServer: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    /// The name every database of this server starts with (`openecf` gives `openecf_psc`).
    public let baseName: String
    public let tls: TLSMode

    public init(url text: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw DatabaseURLError("is not a URL; expected postgres://user:password@host:5432/openecf")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseURLError(
                "uses \"\(scheme)://\"; only postgres:// URLs are supported (leave it out for SQLite files)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseURLError("has no host name; expected postgres://user:password@host:5432/openecf")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseURLError("has no user name; expected postgres://user:password@host:5432/openecf")
        }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let base = path.isEmpty ? "openecf" : path
        guard base.count <= 40, base.first?.isLetter == true,
            base.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            throw DatabaseURLError(
                "names the database \"\(base)\"; use letters, digits and _ (at most 40), starting with a letter")
        }
        var tls = TLSMode.disable
        if let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value {
            guard let parsed = TLSMode(rawValue: mode) else {
                throw DatabaseURLError("has sslmode=\(mode); use disable, prefer or require")
            }
            tls = parsed
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw DatabaseURLError("has port \(port); a port is between 1 and 65535")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user
        self.password = components.password
        self.baseName = base.lowercased()
        self.tls = tls
    }

    public var displayAddress: String { "\(host):\(port)" }
}

public struct DatabaseURLError: Error, Equatable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { "--database-url \(problem)" }
}
