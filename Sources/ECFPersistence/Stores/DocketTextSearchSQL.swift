import ECFDomain
import Foundation
import SQLKit

/// One search of docket text over an index, its entries and their cases, shared by a court's own
/// search (`entry_search`, `docket_entries`, `cases`) and the national locator's
/// (`locator_entry_search`, `locator_entries`, `locator_cases`, each with a `court` column).
struct DocketTextSearchSQL {
    let index: EntryTextIndex
    let entries: String
    let cases: String
    let caseIDColumn: String
    /// The court whose own tables these are; `nil` for the locator's.
    let court: CourtID?

    static func court(_ id: CourtID) -> DocketTextSearchSQL {
        DocketTextSearchSQL(index: .court, entries: "docket_entries", cases: "cases", caseIDColumn: "id", court: id)
    }

    static let locator = DocketTextSearchSQL(
        index: .locator, entries: "locator_entries", cases: "locator_cases", caseIDColumn: "case_id", court: nil)

    struct Row: Decodable {
        let court: String
        let caseId: Int64
        let seq: Int
        let number: Int?
        let dateFiled: Date
        let text: String
        let caseNumber: String
        let caseTitle: String
    }

    /// - Parameters:
    ///   - filed: the condition on the date filed (a court compares instants in its own time zone,
    ///     the locator the court's day).
    ///   - seesRestricted: court staff; everyone else finds public entries of public cases only.
    func run(_ search: DocketTextSearch, filed: [SQLQueryString], seesRestricted: Bool, on sql: any SQLDatabase)
        async throws -> DocketTextPage
    {
        let locator = court == nil
        let courtExpression: SQLQueryString = locator ? "e.court" : "\(literal: court?.rawValue ?? "")"
        let sameCourt: SQLQueryString = locator ? " AND c.court = e.court" : ""
        var conditions: [SQLQueryString] = [index.matches(search.terms, on: sql)] + filed
        if locator, let court = search.court { conditions.append("e.court = \(bind: court.rawValue)") }
        if !seesRestricted {
            conditions.append("e.restriction = \(bind: Restriction.public.rawValue)")
            conditions.append("c.restriction = \(bind: Restriction.public.rawValue)")
        }
        var offset = 0
        switch search.after {
        case .date(let afterCourt, let caseID, let seq):
            let same: SQLQueryString =
                "a.case_id = \(bind: caseID) AND a.seq = \(bind: seq)"
                + (locator ? " AND a.court = \(bind: afterCourt)" : "")
            let lastFiled: SQLQueryString = "(SELECT a.date_filed FROM \(ident: entries) a WHERE \(same))"
            let tie: SQLQueryString =
                locator
                ? "(e.court < \(bind: afterCourt) OR (e.court = \(bind: afterCourt) AND (e.case_id < \(bind: caseID) OR (e.case_id = \(bind: caseID) AND e.seq < \(bind: seq)))))"
                : "(e.case_id < \(bind: caseID) OR (e.case_id = \(bind: caseID) AND e.seq < \(bind: seq)))"
            conditions.append("(e.date_filed < \(lastFiled) OR (e.date_filed = \(lastFiled) AND \(tie)))")
        case .relevance(let skip):
            offset = skip
        case nil:
            break
        }
        let courtOrder: SQLQueryString = locator ? "e.court DESC, " : ""
        let order: SQLQueryString =
            switch search.order {
            case .relevance:
                index.rank(search.terms, on: sql) + ", e.date_filed DESC, \(courtOrder)e.case_id DESC, e.seq DESC"
            case .date: "e.date_filed DESC, \(courtOrder)e.case_id DESC, e.seq DESC"
            }
        var query: SQLQueryString = """
            SELECT \(courtExpression) AS court, e.case_id, e.seq, e.number, e.date_filed, e.text, \
            c.number AS case_number, c.title AS case_title \
            FROM \(ident: index.table) JOIN \(ident: entries) e ON \(index.join(on: sql)) \
            JOIN \(ident: cases) c ON c.\(ident: caseIDColumn) = e.case_id\(sameCourt)
            """
        query += " WHERE " + conditions.joined(separator: " AND ")
        query += " ORDER BY " + order + " LIMIT \(literal: search.limit + 1) OFFSET \(literal: offset)"
        let rows = try await sql.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let page = rows.prefix(search.limit)
        let hits = page.map {
            DocketTextHit(
                court: CourtID($0.court), caseID: CaseID($0.caseId), caseNumber: $0.caseNumber, caseTitle: $0.caseTitle,
                seq: $0.seq, number: $0.number, dateFiled: $0.dateFiled, text: $0.text)
        }
        guard rows.count > search.limit, let last = page.last else { return DocketTextPage(hits: hits, next: nil) }
        let next: DocketTextCursor =
            switch search.order {
            case .relevance: .relevance(offset: offset + search.limit)
            case .date: .date(court: last.court, caseID: last.caseId, seq: last.seq)
            }
        return DocketTextPage(hits: hits, next: next)
    }
}
