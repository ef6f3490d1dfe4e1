import ECFDomain

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
