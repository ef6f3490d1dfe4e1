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
    /// nothing (no look first: every billed view records one). All or none (`RowInserts.insertAll`:
    /// one statement unless there are thousands).
    public func record(_ charges: [AccessCharge]) async throws {
        guard !charges.isEmpty else { return }
        try await RowInserts.insertAll(
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
            }, ignoringConflictsWith: "view_key", on: database)
    }

    /// One statement, so one snapshot (SQLite's and PostgreSQL's alike): the quarter summed from
    /// the ledger's index of an account's quarter (`billing_charges_by_time`, which holds each
    /// charge's cents) without reading the charges' rows, and beside it the page, which starts
    /// after its cursor's (time, view key) pair and is read from the same index in order, so a
    /// page deep in a quarter of a million charges costs what the first does. Read in two
    /// statements, a charge committed between them showed on the page with a total of $0.00.
    /// (PostgreSQL sums integers as `numeric`: cast back.)
    public func statement(of account: AccountID, in quarter: BillingQuarter, after: String?, limit: Int)
        async throws -> BillingStatementPage?
    {
        let (accountID, quarterText) = (account.rawValue, quarter.description)
        let ofTheQuarter: SQLQueryString =
            "account_id = \(bind: accountID) AND quarter = \(bind: quarterText)"
        let cursor: SQLQueryString = after.map { "view_key = \(bind: $0) AND \(ofTheQuarter)" } ?? ""
        let (later, cursorFound): (SQLQueryString, SQLQueryString) =
            after == nil
            ? ("", "1")
            : (
                "AND (viewed_at, view_key) > (SELECT viewed_at, view_key FROM billing_charges WHERE \(cursor))",
                "(SELECT COUNT(*) FROM billing_charges WHERE \(cursor))"
            )
        let rows = try await reads.raw(
            """
            SELECT quarter_count, quarter_cents, cursor_found, page.* FROM
            (SELECT COUNT(*) AS quarter_count, CAST(SUM(cents) AS BIGINT) AS quarter_cents,
            \(cursorFound) AS cursor_found FROM billing_charges WHERE \(ofTheQuarter)) AS quarter_sum
            LEFT JOIN (SELECT * FROM billing_charges WHERE \(ofTheQuarter) \(later)
            ORDER BY viewed_at, view_key LIMIT \(bind: limit)) AS page ON 1 = 1
            ORDER BY page.viewed_at, page.view_key
            """
        ).all()
        guard let first = rows.first, try first.decode(column: "cursor_found", as: Int.self) > 0 else { return nil }
        let statement = BillingStatement(
            quarter: quarter, count: try first.decode(column: "quarter_count", as: Int.self),
            total: Money(cents: try first.decode(column: "quarter_cents", as: Int?.self) ?? 0))
        let charges = try rows.compactMap { row -> AccessCharge? in
            guard let viewKey = try row.decode(column: "view_key", as: String?.self) else { return nil }
            return AccessCharge(
                viewKey: viewKey, account: account, username: try row.decode(column: "username", as: String.self),
                court: CourtID(try row.decode(column: "court", as: String.self)),
                viewedAt: try row.decode(column: "viewed_at", as: Date.self),
                description: try row.decode(column: "description", as: String.self),
                criteria: try row.decode(column: "criteria", as: String.self),
                pages: try row.decode(column: "pages", as: Int.self),
                amount: Money(cents: try row.decode(column: "cents", as: Int.self)),
                clientCode: try row.decode(column: "client_code", as: String.self))
        }
        return BillingStatementPage(statement: statement, charges: charges)
    }
}
