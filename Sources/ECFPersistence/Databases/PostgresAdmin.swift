import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// Talks to the PostgreSQL server itself: is it there, and does a database exist (create it if not).
struct PostgresAdmin: Sendable {
    let server: PostgresServer
    let logger: Logger

    func connectionConfiguration(database: String) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch server.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: server.host, port: server.port, username: server.username, password: server.password,
            database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// Connects to the server's maintenance database to check that it answers, with our credentials.
    func withMaintenanceConnection<T: Sendable>(
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: connectionConfiguration(database: "postgres"), id: 1, logger: logger)
        } catch {
            throw PersistenceError.unreachable(
                "--database-url: cannot reach PostgreSQL at \(server.displayAddress) as \(server.username) (\(Self.explain(error)))"
            )
        }
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Creates the database unless it exists; two processes racing to create it both succeed.
    func ensureDatabase(_ name: String) async throws {
        try await withMaintenanceConnection { connection in
            let rows = try await connection.query(
                "SELECT 1 FROM pg_database WHERE datname = \(name)", logger: logger)
            for try await _ in rows { return }
            do {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
                logger.notice("created PostgreSQL database", metadata: ["database": "\(name)"])
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P04" {
                return
            } catch {
                throw PersistenceError.unreachable(
                    "--database-url: cannot create the database \(name) on \(server.displayAddress) (\(Self.explain(error)))"
                )
            }
        }
    }

    static func explain(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return plainReason("\(underlying)") }
            return "\(error.code)"
        }
        if let error = error as? PersistenceError { return error.description }
        return "\(error)"
    }

    /// NIO's connection errors nest several layers deep; operators want the reason at the bottom.
    static func plainReason(_ text: String) -> String {
        for phrase in ["Connection refused", "timed out", "No route to host", "Network is unreachable"]
        where text.localizedCaseInsensitiveContains(phrase) {
            return phrase.prefix(1).lowercased() + phrase.dropFirst()
        }
        if text.contains("resolve") || text.contains("getaddrinfo") { return "the host name does not resolve" }
        return text
    }
}
