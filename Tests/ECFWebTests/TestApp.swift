import ECFApp
import ECFServices
import Foundation
import Hummingbird
import Logging
import Synchronization

/// A whole OpenECF application on a fresh SQLite data dir, as `serve` builds it.
enum TestApp {
    static func config(demo: Bool = true) -> AppConfig {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "openecf-web-\(UUID().uuidString)")
        var config = AppConfig(dataDirectory: directory, demo: demo)
        config.sqliteCommitsToDisk = false
        return config
    }

    /// The application as `serve` builds it, with cheap bcrypt so that tests stay fast.
    static func build(_ config: AppConfig = config(), clock: (any Clock)? = nil) async throws
        -> some ApplicationProtocol
    {
        try await OpenECFApplication.build(config, logger: logger, clock: clock, hasher: BcryptPasswordHasher(cost: 4))
    }

    static var logger: Logger {
        var logger = Logger(label: "web-test")
        logger.logLevel = .warning
        return logger
    }
}

/// A clock the test moves by hand.
final class TestClock: Clock {
    private let instant: Mutex<Date>
    init(_ date: Date = Date()) { instant = Mutex(date) }
    var now: Date { instant.withLock { $0 } }
    func advance(by seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
