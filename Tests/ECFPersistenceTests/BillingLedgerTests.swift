import ECFDomain
import ECFPersistence
import Foundation
import Testing

/// The PSC's ledger of billable views: each view once, however often it is delivered.
@Suite("The billing ledger")
struct BillingLedgerTests {
    @Test(arguments: TestStorage.available)
    func aViewDeliveredTwiceIsChargedOnce(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let ledger = SQLBillingLedger(database: try await databases.psc())
        let account = AccountID(UUID())
        let viewedAt = Date(timeIntervalSince1970: 1_790_000_000)
        func charge(_ key: String, cents: Int) -> AccessCharge {
            AccessCharge(
                viewKey: key, account: account, username: "press-reader", court: CourtID("nysd"), viewedAt: viewedAt,
                description: "Docket Report", criteria: "1:26-cv-00001", pages: cents / 10,
                amount: Money(cents: cents), clientCode: "")
        }
        try await ledger.record(charge("view-1", cents: 30))
        // The same view again (a retried delivery, even with other figures): nothing changes.
        try await ledger.record(charge("view-1", cents: 90))
        try await ledger.record(charge("view-2", cents: 10))
        let charges = try await ledger.charges(of: account, in: BillingQuarter(viewedAt))
        #expect(charges.map(\.viewKey).sorted() == ["view-1", "view-2"])
        #expect(charges.first { $0.viewKey == "view-1" }?.amount == Money(cents: 30))
        await databases.shutdown()
    }
}
