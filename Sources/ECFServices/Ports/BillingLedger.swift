import ECFDomain
import Foundation

/// How a court hands a billable view to the PSC (in one process a direct call; federated, a
/// request to the PSC). Recording a view key again changes nothing.
public protocol BillingFeed: Sendable {
    func record(_ charge: AccessCharge) async throws
    /// Several views at once: all recorded, or none.
    func record(_ charges: [AccessCharge]) async throws
}

extension BillingFeed {
    /// One by one.
    public func record(_ charges: [AccessCharge]) async throws {
        for charge in charges { try await record(charge) }
    }
}

/// The PSC's billing ledger.
public protocol BillingLedger: BillingFeed {
    /// An account's quarter: how many charges and their total, with a page of its charges, oldest
    /// first (by when viewed, then view key): at most `limit`, those after the charge whose view
    /// key is `after`. Both are read at one moment, so the total counts every charge on the page.
    /// Nil when `after` is not one of the account's charges that quarter.
    func statement(of account: AccountID, in quarter: BillingQuarter, after: String?, limit: Int) async throws
        -> BillingStatementPage?
}

/// A quarter's statement and a page of its charges, read together.
public struct BillingStatementPage: Sendable, Equatable {
    public let statement: BillingStatement
    public let charges: [AccessCharge]

    public init(statement: BillingStatement, charges: [AccessCharge]) {
        self.statement = statement
        self.charges = charges
    }
}
