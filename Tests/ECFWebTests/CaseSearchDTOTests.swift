import ECFDomain
import Foundation
import Testing

@testable import ECFWeb

/// A page of cases found, written out directly, is the bytes the API's encoder writes for it.
@Suite("A page of cases as JSON")
struct CaseSearchDTOTests {
    @Test func thePageIsTheEncodersBytes() throws {
        let hits = [
            CaseHit(
                court: CourtID("nysd"), caseID: CaseID(2), number: "1:26-cv-00002-ABC", title: "Roe v. O'Brien & Sons",
                dateFiled: DateOnly(year: 2026, month: 1, day: 2), dateTerminated: nil, restriction: .public),
            CaseHit(
                court: CourtID("cacb"), caseID: CaseID(9_876_543), number: "2:24-bk-12345",
                title: "In re \"Quoted\" / Slashed \\ Widgets — Ñandú 東京 😀 \u{1}\t\n",
                dateFiled: nil, dateTerminated: DateOnly(year: 2025, month: 12, day: 31),
                restriction: .caseParticipants),
            CaseHit(
                court: CourtID("ca9"), caseID: CaseID(1), number: "3:20-cr-00001", title: "Sealed", dateFiled: nil,
                dateTerminated: nil, restriction: .sealed),
        ]
        let cursor = CaseSearchCursor(dateFiled: DateOnly(year: 2026, month: 1, day: 2), court: "nysd", caseID: 2)
        for page in [
            CaseSearchPage(hits: hits, next: cursor), CaseSearchPage(hits: hits, next: nil),
            CaseSearchPage(hits: [], next: nil), CaseSearchPage(hits: [hits[0]], next: cursor),
        ] {
            let dto = CaseSearchDTO(page)
            #expect(
                String(decoding: dto.json, as: UTF8.self)
                    == String(decoding: try JSONResponse.encode(dto), as: UTF8.self))
        }
    }
}
