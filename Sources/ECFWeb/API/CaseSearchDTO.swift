import ECFDomain
import Foundation

/// `GET /api/v1/courts/{court}/cases` and `GET /api/v1/pacer/locator`: a page of cases, newest
/// first, and the cursor of the next page (absent on the last).
struct CaseSearchDTO: Encodable {
    struct Hit: Encodable {
        let court: String
        let caseId: String
        let caseNumber: String
        let title: String
        let dateFiled: String?
        let dateTerminated: String?
        let restriction: String
    }

    let cases: [Hit]
    let nextCursor: String?

    /// Sent with its transaction receipt as `receipt` (`billedJSON`), none in a fee-free court.
    init(_ page: CaseSearchPage) {
        cases = page.hits.map {
            Hit(
                court: $0.court.rawValue, caseId: String($0.caseID.rawValue), caseNumber: $0.number, title: $0.title,
                dateFiled: $0.dateFiled?.description, dateTerminated: $0.dateTerminated?.description,
                restriction: $0.restriction.rawValue)
        }
        nextCursor = page.next?.description
    }
}

/// The page as `JSONResponse.encode` writes it (keys sorted, slashes as they are, an absent value
/// left out), written out directly: the encoder's containers were a tenth of a locator search's
/// CPU (BENCHMARKS.md P4). The same bytes (`CaseSearchDTOTests`).
extension CaseSearchDTO {
    var json: Data {
        var json: [UInt8] = []
        json.reserveCapacity(64 + cases.count * 220)
        JSONText.key("cases", first: true, to: &json)
        JSONText.raw("[", to: &json)
        for (index, hit) in cases.enumerated() {
            if index > 0 { JSONText.raw(",", to: &json) }
            hit.append(to: &json)
        }
        JSONText.raw("]", to: &json)
        if let nextCursor {
            JSONText.key("nextCursor", first: false, to: &json)
            JSONText.append(nextCursor, to: &json, escapingSlashes: false)
        }
        JSONText.raw("}", to: &json)
        return Data(json)
    }
}

extension CaseSearchDTO.Hit {
    fileprivate func append(to json: inout [UInt8]) {
        func member(_ key: StaticString, _ value: String?, first: Bool = false) {
            guard let value else { return }
            JSONText.key(key, first: first, to: &json)
            JSONText.append(value, to: &json, escapingSlashes: false)
        }
        member("caseId", caseId, first: true)
        member("caseNumber", caseNumber)
        member("court", court)
        member("dateFiled", dateFiled)
        member("dateTerminated", dateTerminated)
        member("restriction", restriction)
        member("title", title)
        JSONText.raw("}", to: &json)
    }
}
