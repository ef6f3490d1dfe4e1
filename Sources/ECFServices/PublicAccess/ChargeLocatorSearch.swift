import ECFDomain
import Foundation

/// Bills a national case locator search to the signed-in PACER account: its results by size, a
/// search that finds nothing as one page. The PSC records it in its own ledger directly.
///
/// Source: EPA Fee Schedule ¶ 1 and its note (search results at 4,320 bytes a page; no hits: one page).
public struct ChargeLocatorSearch: Sendable {
    /// The locator's "court" on receipts and statements.
    public static let court = CourtID("pcl")

    let ledger: any BillingLedger
    let clock: any Clock
    let ids: any IDGenerator

    public init(ledger: any BillingLedger, clock: any Clock, ids: any IDGenerator = RandomIDGenerator()) {
        self.ledger = ledger
        self.clock = clock
        self.ids = ids
    }

    public func callAsFunction(
        resultBytes: Int, found: Bool, account: AccountID, username: String, criteria: String, clientCode: String
    ) async throws -> ChargeView.Receipt {
        let kind: AccessFees.Kind = found ? .report(bytes: resultBytes) : .emptySearch
        let charge = AccessCharge(
            viewKey: ids.timeOrderedUUID().uuidString.lowercased(), account: account, username: username,
            court: Self.court,
            viewedAt: clock.now, description: "Case Locator Search", criteria: criteria,
            pages: AccessFees.pages(kind), amount: AccessFees.fee(kind), clientCode: clientCode)
        try await ledger.record(charge)
        return ChargeView.Receipt(
            username: username, clientCode: clientCode, viewedAt: charge.viewedAt, description: charge.description,
            criteria: criteria, pages: charge.pages, amount: charge.amount, free: nil)
    }
}
