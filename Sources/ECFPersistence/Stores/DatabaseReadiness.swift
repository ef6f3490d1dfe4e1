import ECFDomain
import ECFServices

/// Ready when the PSC database and every enabled court's answer and have all their migrations.
public struct DatabaseReadiness: ReadinessProbe {
    let databases: ECFDatabases

    public init(databases: ECFDatabases) {
        self.databases = databases
    }

    public func problems() async -> [String] {
        var problems: [String] = []
        var keys: [DatabaseKey] = [.psc]
        do {
            let psc = try await databases.psc()
            keys += try await SQLCourtRegistryStore(database: psc).enabledCourts().map { .court($0.court.id) }
        } catch {
            return ["the PSC database cannot be read (\(PostgresAdmin.explain(error)))"]
        }
        for key in keys {
            do {
                let missing = try await databases.missingMigrations(key)
                if !missing.isEmpty {
                    problems.append("\(key) lacks migrations: \(missing.joined(separator: ", "))")
                }
            } catch {
                problems.append("\(key) cannot be read (\(PostgresAdmin.explain(error)))")
            }
        }
        return problems
    }
}
