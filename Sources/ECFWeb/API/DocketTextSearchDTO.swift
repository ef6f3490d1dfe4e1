import ECFDomain
import ECFServices
import Foundation

/// `GET /api/v1/courts/{court}/search` and `GET /api/v1/pacer/search`: entries whose docket text
/// matches, each with a snippet whose found words are marked, and the cursor of the next page.
struct DocketTextSearchDTO: Encodable {
    struct Part: Encodable {
        let text: String
        let match: Bool
    }

    struct Hit: Encodable {
        let court: String
        let caseId: String
        let caseNumber: String
        let caseTitle: String
        let entryNumber: Int?
        let seq: Int
        let dateFiled: Date
        let snippet: [Part]
        let docketUrl: String
    }

    let results: [Hit]
    let nextCursor: String?

    init(_ page: DocketTextPage, words: [String]) {
        results = page.hits.map { hit in
            Hit(
                court: hit.court.rawValue, caseId: String(hit.caseID.rawValue), caseNumber: hit.caseNumber,
                caseTitle: hit.caseTitle, entryNumber: hit.number, seq: hit.seq, dateFiled: hit.dateFiled,
                snippet: TextSnippet.of(hit.text, words: words).parts.map { Part(text: $0.text, match: $0.match) },
                docketUrl: CourtPaths.docketReport(hit.court, hit.caseID))
        }
        nextCursor = page.next?.description
    }
}
