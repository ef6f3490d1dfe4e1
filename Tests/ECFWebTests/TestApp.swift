import ECFApp
import ECFServices
import Foundation
import Hummingbird
import Logging
import NIOPosix
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

    /// Another process on the same data dir, as the CLI or a second server is: a composition
    /// whose SQLite statements run on threads of its own (`Composition.open(threadPool:)`), closed
    /// after `body`. On the shared pool, its connection spinning while it waits for a lock the
    /// server holds could take the threads the server needs to finish, and every test would stop.
    static func withOtherProcess<T>(
        _ config: AppConfig, clock: (any Clock)? = nil, _ body: (Composition) async throws -> T
    ) async throws -> T {
        let threads = NIOThreadPool(numberOfThreads: 2)
        threads.start()
        let composition: Composition
        do {
            composition = try await Composition.open(config, logger: logger, clock: clock, threadPool: threads)
        } catch {
            try? await threads.shutdownGracefully()
            throw error
        }
        do {
            let result = try await body(composition)
            await composition.close()
            try await threads.shutdownGracefully()
            return result
        } catch {
            await composition.close()
            try? await threads.shutdownGracefully()
            throw error
        }
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
