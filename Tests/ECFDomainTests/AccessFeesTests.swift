import ECFDomain
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
