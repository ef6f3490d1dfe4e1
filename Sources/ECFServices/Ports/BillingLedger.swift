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
    /// An account's quarter in sum: how many charges, and their total.
    func statement(of account: AccountID, in quarter: BillingQuarter) async throws -> BillingStatement
    /// A page of an account's charges in a quarter, oldest first (by when viewed, then view key):
    /// at most `limit`, those after the charge whose view key is `after`. Nil when `after` is not
    /// one of the account's charges that quarter.
    func charges(of account: AccountID, in quarter: BillingQuarter, after: String?, limit: Int) async throws
        -> [AccessCharge]?
}
