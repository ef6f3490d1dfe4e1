import ECFDomain
import ECFWeb
import Foundation
import NIOCore
import Testing

@Suite("Docket rows kept in memory: found only at their revision, for their viewer, within a budget")
struct DocketRowsCacheTests {
    let court = CourtID("nysd")

    func variant(_ viewer: Viewer = .outsider, newestFirst: Bool = false) -> DocketRowsCache.Variant {
        var filter = DocketFilter()
        filter.newestFirst = newestFirst
        return .init(format: .html, viewer: viewer, caseRestriction: .public, filter: filter, zone: "America/New_York")
    }

    func rows(_ text: String, bytes: Int? = nil) -> DocketRowsCache.Rows {
        .init([ByteBuffer(string: bytes.map { String(repeating: "x", count: $0) } ?? text)])
    }

    func text(_ rows: DocketRowsCache.Rows?) -> String? {
        rows.map { $0.chunks.map { String(buffer: $0) }.joined() }
    }

    @Test func rowsAreFoundOnlyAtTheRevisionTheyWereKeptAt() {
        let cache = DocketRowsCache()
        let caseID = CaseID(2)
        cache.keep(rows("<tr>1</tr>"), court: court, caseID: caseID, revision: 4, variant())
        #expect(text(cache.rows(court: court, caseID: caseID, revision: 4, variant())) == "<tr>1</tr>")
        #expect(cache.rows(court: court, caseID: caseID, revision: 5, variant()) == nil)
        #expect(cache.rows(court: CourtID("cacd"), caseID: caseID, revision: 4, variant()) == nil)
        // A newer revision replaces the older rows; rows read at an older one never replace newer.
        cache.keep(rows("<tr>1</tr><tr>2</tr>"), court: court, caseID: caseID, revision: 5, variant())
        #expect(cache.rows(court: court, caseID: caseID, revision: 4, variant()) == nil)
        cache.keep(rows("<tr>stale</tr>"), court: court, caseID: caseID, revision: 4, variant())
        #expect(text(cache.rows(court: court, caseID: caseID, revision: 5, variant())) == "<tr>1</tr><tr>2</tr>")
        #expect(cache.bytesKept == rows("<tr>1</tr><tr>2</tr>").bytes)
    }

    @Test func eachViewerAndEachSetOfOptionsHasItsOwnRows() {
        let cache = DocketRowsCache()
        let caseID = CaseID(2)
        cache.keep(rows("<tr>sealed too</tr>"), court: court, caseID: caseID, revision: 1, variant(.court))
        #expect(cache.rows(court: court, caseID: caseID, revision: 1, variant(.outsider)) == nil)
        #expect(
            cache.rows(court: court, caseID: caseID, revision: 1, variant(.participant(CourtAccountID(UUID())))) == nil)
        #expect(cache.rows(court: court, caseID: caseID, revision: 1, variant(.court, newestFirst: true)) == nil)
        #expect(text(cache.rows(court: court, caseID: caseID, revision: 1, variant(.court))) == "<tr>sealed too</tr>")
    }

    @Test func theLeastRecentlyReadCasesGoWhenTheBudgetIsPassedAndHugeReportsAreNeverKept() {
        // Room for three cases' rows and a third of a fourth; no report over one case's size kept.
        let one = rows("", bytes: 3_000).bytes
        let cache = DocketRowsCache(budget: one * 3 + one / 3, largest: one)
        cache.keep(rows("", bytes: one + 1), court: court, caseID: CaseID(1), revision: 1, variant())
        #expect(cache.bytesKept == 0, "a report over the largest size was kept")
        for id in 1...3 {
            cache.keep(rows("", bytes: 3_000), court: court, caseID: CaseID(Int64(id)), revision: 1, variant())
        }
        #expect(cache.bytesKept == one * 3)
        // Case 1 read again: case 2 is now the one read longest ago.
        #expect(cache.rows(court: court, caseID: CaseID(1), revision: 1, variant()) != nil)
        cache.keep(rows("", bytes: 3_000), court: court, caseID: CaseID(4), revision: 1, variant())
        #expect(cache.bytesKept <= cache.budget)
        #expect(cache.rows(court: court, caseID: CaseID(2), revision: 1, variant()) == nil)
        #expect(cache.rows(court: court, caseID: CaseID(4), revision: 1, variant()) != nil)
        #expect(cache.rows(court: court, caseID: CaseID(1), revision: 1, variant()) != nil)
    }
}
