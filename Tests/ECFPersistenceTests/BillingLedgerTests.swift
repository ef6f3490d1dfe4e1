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

        // A pass's views at once, with views already recorded and one given twice: each view once.
        let batch = (0..<450).map { charge("batch-\($0)", cents: 10 + $0 % 3 * 10) }
        try await ledger.record([charge("view-2", cents: 90)] + batch + [batch[7]])
        let after = try await ledger.charges(of: account, in: BillingQuarter(viewedAt))
        #expect(after.count == 452)
        #expect(Set(after.map(\.viewKey)).count == 452)
        #expect(after.first { $0.viewKey == "view-2" }?.amount == Money(cents: 10))
        #expect(after.first { $0.viewKey == "batch-449" }?.amount == Money(cents: 30))
        await databases.shutdown()
    }
    /// Searches billed at the same moment share the ledger's transactions, and each returns only
    /// once its own charge is in the ledger.
    @Test(arguments: TestStorage.available)
    func chargesRecordedAtOnceAreEachInTheLedgerWhenTheirCallerReturns(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let ledger = SQLBillingLedger(database: try await databases.psc())
        let account = AccountID(UUID())
        let viewedAt = Date(timeIntervalSince1970: 1_790_000_000)
        let quarter = BillingQuarter(viewedAt)
        let found = try await withThrowingTaskGroup(of: Bool.self) { group in
            for number in 0..<60 {
                group.addTask {
                    let key = "search-\(number)"
                    try await ledger.record(
                        AccessCharge(
                            viewKey: key, account: account, username: "searcher", court: CourtID("pcl"),
                            viewedAt: viewedAt, description: "Case Locator Search", criteria: "party: roe",
                            pages: 1, amount: Money(cents: 10), clientCode: ""))
                    return try await ledger.charges(of: account, in: quarter).contains { $0.viewKey == key }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(found.count == 60 && found.allSatisfy { $0 }, "each charge committed before its caller went on")
        #expect(try await ledger.charges(of: account, in: quarter).count == 60)
        await databases.shutdown()
    }
}
