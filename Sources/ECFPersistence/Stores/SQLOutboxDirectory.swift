import ECFDomain
import ECFServices
import Logging

/// The outboxes of the PSC and of every enabled court, read anew on each call so that a court
/// enabled by the CLI while the server runs is delivered for too.
public struct SQLOutboxDirectory: OutboxDirectory {
    let databases: ECFDatabases

    public init(databases: ECFDatabases) {
        self.databases = databases
    }

    public func outboxes() async throws -> [(location: OutboxLocation, store: any OutboxStore)] {
        let psc = try await databases.psc()
        var result: [(location: OutboxLocation, store: any OutboxStore)] = [
            (.psc, SQLOutboxStore(database: psc, location: .psc))
        ]
        for enabled in try await SQLCourtRegistryStore(database: psc).enabledCourts() {
            // One court's broken database must not hold up every other court's mail; /readyz
            // reports it.
            do {
                let court = try await databases.court(enabled.court.id)
                result.append(
                    (.court(enabled.court.id), SQLOutboxStore(database: court, location: .court(enabled.court.id))))
            } catch {
                databases.logger.error(
                    "a court database cannot be opened; its outbox waits",
                    metadata: ["court": "\(enabled.court.id)", "error": "\(error)"])
            }
        }
        return result
    }
}
