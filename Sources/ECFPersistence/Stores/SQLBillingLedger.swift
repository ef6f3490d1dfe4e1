import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// The PACER billing ledger in the PSC's database: one row per billable view.
public struct SQLBillingLedger: BillingLedger {
    let database: any Database
    /// Single charges recorded at the same time (the locator's searches, each billed before its
    /// answer) share one transaction: the PSC's file has one connection, which every request's
    /// sign-in session is read through too, and a transaction of its own for each search held
    /// it for a commit each.
    let together = GroupCommit<Int, AccessCharge>()
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database) {
        self.database = database
    }

    /// Returns once the charge is committed, with whatever others were recorded meanwhile.
    public func record(_ charge: AccessCharge) async throws {
        try await together.commit(charge, under: 0) { charges in try await record(charges) }
    }

    /// The view key is the row's key: a second delivery of the same view finds it there and adds
    /// nothing (no look first: every billed view records one). All in one transaction.
    public func record(_ charges: [AccessCharge]) async throws {
        guard !charges.isEmpty else { return }
        try await database.transaction { transaction in
            try await RowInserts.insertRows(
                into: "billing_charges",
                columns: [
                    "view_key", "account_id", "court", "quarter", "viewed_at", "description", "criteria", "username",
                    "pages", "cents", "client_code",
                ],
                charges.map { charge in
                    [
                        SQLBind(charge.viewKey), SQLBind(charge.account.rawValue), SQLBind(charge.court.rawValue),
                        SQLBind(charge.quarter.description), SQLBind(charge.viewedAt), SQLBind(charge.description),
                        SQLBind(charge.criteria), SQLBind(charge.username), SQLBind(charge.pages),
                        SQLBind(charge.amount.cents), SQLBind(charge.clientCode),
                    ]
                }, ignoringConflictsWith: "view_key", on: transaction as! any SQLDatabase)
        }
    }

    public func charges(of account: AccountID, in quarter: BillingQuarter) async throws -> [AccessCharge] {
        struct Row: Decodable {
            let viewKey: String
            let court: String
            let viewedAt: Date
            let description: String
            let criteria: String
            let username: String
            let pages: Int
            let cents: Int
            let clientCode: String
        }
        return try await sql.select().column("*").from("billing_charges")
            .where("account_id", .equal, account.rawValue).where("quarter", .equal, quarter.description)
            .orderBy("viewed_at").orderBy("view_key")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { row in
                AccessCharge(
                    viewKey: row.viewKey, account: account, username: row.username, court: CourtID(row.court),
                    viewedAt: row.viewedAt, description: row.description, criteria: row.criteria, pages: row.pages,
                    amount: Money(cents: row.cents), clientCode: row.clientCode)
            }
    }
}
