import ECFPersistence
import ServiceLifecycle

/// Closes the databases when the server shuts down, after everything else has stopped.
struct DatabasesService: Service {
    let databases: ECFDatabases

    func run() async throws {
        try? await gracefulShutdown()
        await databases.shutdown()
    }
}
