import ECFDomain
import ECFPersistence
import ECFServices
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
        let charges = try #require(
            try await ledger.statement(of: account, in: BillingQuarter(viewedAt), after: nil, limit: 500)?.charges)
        #expect(charges.map(\.viewKey).sorted() == ["view-1", "view-2"])
        #expect(charges.first { $0.viewKey == "view-1" }?.amount == Money(cents: 30))

        // A pass's views at once, with views already recorded and one given twice: each view once.
        let batch = (0..<450).map { charge("batch-\($0)", cents: 10 + $0 % 3 * 10) }
        try await ledger.record([charge("view-2", cents: 90)] + batch + [batch[7]])
        let after = try #require(
            try await ledger.statement(of: account, in: BillingQuarter(viewedAt), after: nil, limit: 500)?.charges)
        #expect(after.count == 452)
        #expect(Set(after.map(\.viewKey)).count == 452)
        #expect(after.first { $0.viewKey == "view-2" }?.amount == Money(cents: 10))
        #expect(after.first { $0.viewKey == "batch-449" }?.amount == Money(cents: 30))
        await databases.shutdown()
    }
    /// More charges at once than one statement takes (a ledger catching up on a court's outbox):
    /// every one is recorded, once.
    @Test(arguments: TestStorage.available)
    func moreChargesThanOneStatementTakesAreAllRecorded(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let ledger = SQLBillingLedger(database: try await databases.psc())
        let account = AccountID(UUID())
        let viewedAt = Date(timeIntervalSince1970: 1_790_000_000)
        let charges = (0..<3_000).map { number in
            AccessCharge(
                viewKey: "bulk-\(number)", account: account, username: "bulk-reader", court: CourtID("nysd"),
                viewedAt: viewedAt.addingTimeInterval(Double(number)), description: "Docket Report",
                criteria: "1:26-cv-00001", pages: 1, amount: Money(cents: 10), clientCode: "")
        }
        try await ledger.record(charges)
        try await ledger.record(Array(charges[2_990...]))
        let page = try #require(
            try await ledger.statement(of: account, in: BillingQuarter(viewedAt), after: "bulk-2989", limit: 100))
        #expect(page.statement.count == 3_000 && page.statement.total == Money(cents: 30_000))
        #expect(page.charges.map(\.viewKey) == (2_990..<3_000).map { "bulk-\($0)" })
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
                    let page = try await ledger.statement(of: account, in: quarter, after: nil, limit: 100)
                    return page?.charges.contains { $0.viewKey == key } == true
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(found.count == 60 && found.allSatisfy { $0 }, "each charge committed before its caller went on")
        #expect(try await ledger.statement(of: account, in: quarter, after: nil, limit: 1)?.statement.count == 60)
        await databases.shutdown()
    }

    /// A quarter is read a page at a time, oldest first (charges of the same moment by view key),
    /// each page starting after the last charge of the one before, through the reader
    /// the server uses; with every page, the count and total are the whole quarter's.
    @Test(arguments: TestStorage.available)
    func aQuarterIsReadAPageAtATimeAndSummedWhole(storage: TestStorage) async throws {
        let databases = storage.open(try storage.makeLocation())
        let ledger = SQLBillingLedger(
            database: try await databases.psc(), reads: try await databases.pscReaders().first)
        let (account, other) = (AccountID(UUID()), AccountID(UUID()))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let quarter = BillingQuarter(start)
        func charge(_ number: Int, of account: AccountID, at date: Date) -> AccessCharge {
            AccessCharge(
                viewKey: "view-\(number)-\(account.rawValue)", account: account, username: "reader",
                court: CourtID("nysd"),
                viewedAt: date, description: "Docket Report", criteria: "1:26-cv-00001", pages: 1,
                amount: Money(cents: 10 * (number % 4 + 1)), clientCode: "")
        }
        // Recorded out of order; every third at the same moment as the one before it.
        let charges = (0..<40).map {
            charge($0, of: account, at: start.addingTimeInterval(Double($0 - $0 % 3) * 61.25))
        }
        try await ledger.record(charges.reversed())
        try await ledger.record([charge(0, of: other, at: start), charge(1, of: other, at: start + 1)])
        try await ledger.record(charge(99, of: account, at: start.addingTimeInterval(-200 * 86_400)))

        let inOrder = charges.sorted { ($0.viewedAt, $0.viewKey) < ($1.viewedAt, $1.viewKey) }.map(\.viewKey)
        let whole = BillingStatement(quarter: quarter, charges: charges)
        #expect(whole.count == 40 && whole.total == Money(cents: 1_000))
        var read: [String] = []
        var after: String?
        repeat {
            let page = try #require(try await ledger.statement(of: account, in: quarter, after: after, limit: 7))
            #expect(page.charges.count == min(7, 40 - read.count))
            #expect(page.statement == whole)
            read += page.charges.map(\.viewKey)
            after = page.charges.count == 7 ? page.charges.last?.viewKey : nil
        } while after != nil
        #expect(read == inOrder)

        let empty = try #require(
            try await ledger.statement(of: account, in: BillingQuarter(year: 2001, quarter: 1)!, after: nil, limit: 7))
        #expect(empty.charges.isEmpty)
        #expect(empty.statement.count == 0 && empty.statement.total == .zero && !empty.statement.waived)
        // A key that is not one of the account's charges that quarter places no page.
        func page(after: String?) async throws -> BillingStatementPage? {
            try await ledger.statement(of: account, in: quarter, after: after, limit: 7)
        }
        #expect(try await page(after: "no-such-view") == nil)
        #expect(try await page(after: "view-0-\(other.rawValue)") == nil)
        #expect(try await page(after: "view-99-\(account.rawValue)") == nil)
        // The last charge's key gives an empty page with the quarter's total, not an error.
        #expect(try await page(after: inOrder.last) == BillingStatementPage(statement: whole, charges: []))
        await databases.shutdown()
    }
}
