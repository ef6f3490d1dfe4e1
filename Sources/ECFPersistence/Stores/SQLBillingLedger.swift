import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// The PACER billing ledger in the PSC's database: one row per billable view.
public struct SQLBillingLedger: BillingLedger {
    let database: any Database
    /// Where the statements and pages of charges are read (`ECFDatabases.pscReaders`): a quarter of
    /// a million charges takes a quarter of a second to sum, which the reader of every request's
    /// sign-in session would make every request wait for.
    let reads: any SQLDatabase
    /// Single charges recorded at the same time (the locator's searches, each billed before its
    /// answer) share one transaction: the PSC's file has one connection, which every request's
    /// sign-in session is read through too, and a transaction of its own for each search held
    /// it for a commit each.
    let together = GroupCommit<Int, AccessCharge>()

    public init(database: any Database, reads: (any SQLDatabase)? = nil) {
        self.database = database
        self.reads = reads ?? database as! any SQLDatabase
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

    /// Summed from the ledger's index of an account's quarter (`billing_charges_by_time`, which
    /// holds each charge's cents), without reading the charges' rows. (PostgreSQL sums integers
    /// as `numeric`: cast back.)
    public func statement(of account: AccountID, in quarter: BillingQuarter) async throws -> BillingStatement {
        struct Row: Decodable {
            let count: Int
            let cents: Int?
        }
        let row = try await reads.raw(
            """
            SELECT COUNT(*) AS count, CAST(SUM(cents) AS BIGINT) AS cents FROM billing_charges
            WHERE account_id = \(bind: account.rawValue) AND quarter = \(bind: quarter.description)
            """
        ).first(decoding: Row.self)
        return BillingStatement(quarter: quarter, count: row?.count ?? 0, total: Money(cents: row?.cents ?? 0))
    }

    /// The page after a charge starts after its (time, view key) pair, read from the index in
    /// order: a page deep in a quarter of a million charges costs what the first does.
    public func charges(of account: AccountID, in quarter: BillingQuarter, after: String?, limit: Int)
        async throws -> [AccessCharge]?
    {
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
        let (accountID, quarterText) = (account.rawValue, quarter.description)
        let later: SQLQueryString =
            after.map {
                """
                AND (viewed_at, view_key) > (SELECT viewed_at, view_key FROM billing_charges
                WHERE view_key = \(bind: $0) AND account_id = \(bind: accountID) AND quarter = \(bind: quarterText))
                """
            } ?? ""
        let rows = try await reads.raw(
            """
            SELECT * FROM billing_charges WHERE account_id = \(bind: accountID) AND quarter = \(bind: quarterText)
            \(later) ORDER BY viewed_at, view_key LIMIT \(bind: limit)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        if rows.isEmpty, let after, try await !isCharge(after, of: accountID, in: quarterText) { return nil }
        return rows.map { row in
            AccessCharge(
                viewKey: row.viewKey, account: account, username: row.username, court: CourtID(row.court),
                viewedAt: row.viewedAt, description: row.description, criteria: row.criteria, pages: row.pages,
                amount: Money(cents: row.cents), clientCode: row.clientCode)
        }
    }

    private func isCharge(_ viewKey: String, of account: UUID, in quarter: String) async throws -> Bool {
        try await reads.raw(
            """
            SELECT 1 AS found FROM billing_charges
            WHERE view_key = \(bind: viewKey) AND account_id = \(bind: account) AND quarter = \(bind: quarter)
            """
        ).first() != nil
    }
}
