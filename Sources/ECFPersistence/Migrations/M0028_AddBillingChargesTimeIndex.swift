import FluentKit
import SQLKit

/// An account's quarter of charges in the order its statement lists them, with each charge's
/// cents: a page of the statement is read from the index in order and the quarter's total from
/// the index alone (the press account of the benchmarks has over a million charges a quarter,
/// which the statement read and sorted whole for each look). It replaces the index of account
/// and quarter, which it begins with.
struct M0028_AddBillingChargesTimeIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "CREATE INDEX billing_charges_by_time ON billing_charges (account_id, quarter, viewed_at, view_key, cents)"
        ).run()
        try await sql.raw("DROP INDEX billing_charges_quarter").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX billing_charges_quarter ON billing_charges (account_id, quarter)").run()
        try await sql.raw("DROP INDEX billing_charges_by_time").run()
    }
}
