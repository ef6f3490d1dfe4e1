import ECFDomain
import Foundation
import Testing

@Suite("PACER fees (EPA Fee Schedule)")
struct AccessFeesTests {
    @Test(arguments: [(1, 10), (29, 290), (30, 300), (31, 300), (500, 300)])
    func aDocumentCostsTenCentsAPageUpToThreeDollars(pages: Int, cents: Int) {
        #expect(AccessFees.fee(.document(pages: pages)) == Money(cents: cents))
    }

    @Test func transcriptsAreNotCappedAndOpinionsAreFree() {
        #expect(AccessFees.fee(.transcript(pages: 500)) == Money(cents: 5_000))
        #expect(AccessFees.fee(.writtenOpinion) == .zero)
    }

    @Test func reportsAreBilledBy4320BytesAndAnEmptySearchIsOnePage() {
        #expect(AccessFees.pages(.report(bytes: 4_320)) == 1)
        #expect(AccessFees.pages(.report(bytes: 4_321)) == 2)
        #expect(AccessFees.fee(.docketReport(bytes: 1_000_000)) == Money(cents: 300))
        #expect(AccessFees.fee(.report(bytes: 1_000_000)) == Money(cents: 2_320))
        #expect(AccessFees.fee(.emptySearch) == Money(cents: 10))
    }

    @Test func aQuarterOfThirtyDollarsOrLessIsWaived() {
        #expect(AccessFees.billed(quarterTotal: Money(cents: 3_000)) == .zero)
        #expect(AccessFees.billed(quarterTotal: Money(cents: 3_001)) == Money(cents: 3_001))
    }
}

@Suite("PACER billing: quarters, statements and who views free")
struct BillingTests {
    static func charge(cents: Int, at date: Date = Date(timeIntervalSince1970: 1_790_000_000)) -> AccessCharge {
        AccessCharge(
            viewKey: UUID().uuidString, account: AccountID(UUID()), username: "demo-press", court: CourtID("nysd"),
            viewedAt: date, description: "Image 1", criteria: "2:26-cv-00001", pages: cents / 10,
            amount: Money(cents: cents), clientCode: "")
    }

    @Test func aQuarterOfExactlyThirtyDollarsIsWaivedAndOneCentMoreIsBilledInFull() {
        let quarter = BillingQuarter(year: 2026, quarter: 4)!
        let thirty = BillingStatement(quarter: quarter, charges: (1...10).map { _ in Self.charge(cents: 300) })
        #expect(thirty.total == Money(cents: 3_000) && thirty.billed == .zero && thirty.waived)
        let more = BillingStatement(
            quarter: quarter, charges: (1...10).map { _ in Self.charge(cents: 300) } + [Self.charge(cents: 1)])
        #expect(more.total == Money(cents: 3_001) && more.billed == Money(cents: 3_001) && !more.waived)
        #expect(!BillingStatement(quarter: quarter, charges: []).waived)
    }

    @Test func quartersAreReadAndCountedInCentralTime() throws {
        #expect(BillingQuarter("2026q4") == BillingQuarter(year: 2026, quarter: 4))
        #expect(BillingQuarter("2026Q5") == nil && BillingQuarter("26Q1") == nil)
        // 2027-01-01 03:00 UTC is still December 31 in San Antonio.
        let newYear = try #require(ISO8601DateFormatter().date(from: "2027-01-01T03:00:00Z"))
        #expect(BillingQuarter(newYear).description == "2026Q4")
    }

    @Test func whoViewsFreeAndWhy() {
        let kind = AccessFees.Kind.document(pages: 5)
        let account = CourtAccountID(UUID())
        #expect(
            AccessFees.freeBecause(kind, viewer: .outsider, feeFreeCourt: false, exempt: false, freeLook: false) == nil)
        #expect(
            AccessFees.freeBecause(kind, viewer: .outsider, feeFreeCourt: true, exempt: false, freeLook: false)
                == .feeFreeCourt)
        #expect(
            AccessFees.freeBecause(kind, viewer: .court, feeFreeCourt: false, exempt: false, freeLook: false)
                == .courtUser)
        #expect(
            AccessFees.freeBecause(
                kind, viewer: .participant(account), feeFreeCourt: false, exempt: false, freeLook: false)
                == .caseParticipant)
        #expect(
            AccessFees.freeBecause(kind, viewer: .outsider, feeFreeCourt: false, exempt: false, freeLook: true)
                == .freeLook)
        #expect(
            AccessFees.freeBecause(kind, viewer: .outsider, feeFreeCourt: false, exempt: true, freeLook: false)
                == .exemption)
        #expect(
            AccessFees.freeBecause(
                .writtenOpinion, viewer: .outsider, feeFreeCourt: false, exempt: false, freeLook: false)
                == .writtenOpinion)
        #expect(AccessFees.document(pages: 500, eventID: "transcript") == .transcript(pages: 500))
        #expect(AccessFees.fee(AccessFees.document(pages: 500, eventID: "motionToDismiss")) == Money(cents: 300))
    }

    @Test func aClientCodeIsAtMostThirtyTwoCharacters() {
        #expect(try! ClientCode.check("  Matter 42 ").get() == "Matter 42")
        #expect((try? ClientCode.check(String(repeating: "x", count: 33)).get()) == nil)
        #expect(try! ClientCode.check("").get() == "" && (try? ClientCode.check("\u{7}").get()) == nil)
    }
}
