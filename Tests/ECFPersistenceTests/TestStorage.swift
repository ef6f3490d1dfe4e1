import ECFPersistence
import Foundation
import Logging
import Testing

/// Where a persistence test runs: always on SQLite, and on PostgreSQL too when
/// `OPENECF_TEST_POSTGRES_URL` is set (CI sets it). Each test gets databases of its own.
enum TestStorage: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var available: [TestStorage] {
        ProcessInfo.processInfo.environment["OPENECF_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    func makeLocation() throws -> DatabaseLocation {
        let unique = UUID().uuidString.prefix(8).lowercased()
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openecf-test-\(unique)")
            return .sqlite(directory: directory)
        case .postgres:
            let url = ProcessInfo.processInfo.environment["OPENECF_TEST_POSTGRES_URL"]!
            var components = URLComponents(string: url)!
            components.path = "/t\(unique)"
            return .postgres(try PostgresServer(url: components.string!))
        }
    }

    func open(_ location: DatabaseLocation) -> ECFDatabases {
        var logger = Logger(label: "persistence-test")
        logger.logLevel = .warning
        return ECFDatabases(location: location, logger: logger, sqliteCommitsToDisk: false)
    }
}
