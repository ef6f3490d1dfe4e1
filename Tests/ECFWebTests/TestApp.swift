import ECFApp
import Foundation
import Logging

/// A whole OpenECF application on a fresh SQLite data dir, as `serve` builds it.
enum TestApp {
    static func config(demo: Bool = true) -> AppConfig {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "openecf-web-\(UUID().uuidString)")
        return AppConfig(dataDirectory: directory, demo: demo)
    }

    static var logger: Logger {
        var logger = Logger(label: "web-test")
        logger.logLevel = .warning
        return logger
    }
}
