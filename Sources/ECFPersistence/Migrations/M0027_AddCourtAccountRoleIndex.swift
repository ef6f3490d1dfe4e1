import FluentKit
import SQLKit

/// A court's accounts by role, in login order: the docket report, the case query and a filing's
/// service list read the court's judges (or clerks) by role, and without it SQLite walked every
/// account of the court in login order to find them (707 accounts a court at full scale, a tenth
/// of a docket report's time; BENCHMARKS.md P1).
struct M0027_AddCourtAccountRoleIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX court_accounts_role ON court_accounts (role, login_canonical)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX court_accounts_role").run()
    }
}
