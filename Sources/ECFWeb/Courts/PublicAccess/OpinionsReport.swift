import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The written opinions report (`/ecf/{court}/cgi-bin/WrtOpRpt.pl?from=&to=`, and
/// `GET /api/v1/courts/{court}/opinions`): the court's public written opinions filed in a span of
/// days, free to everyone, as are their documents (`EventCatalog.writtenOpinions`).
struct OpinionsReport {
    struct Row: Sendable, TemplateFields {
        let dateFiled: String
        let caseNumber: String
        let caseTitle: String
        let docketLink: String
        let entryNumber: String
        let documentLink: String?
        let text: String
    }

    /// What the report was asked for: a span of the court's days, a page size and where the page
    /// starts.
    struct Query {
        var from: DateOnly
        var to: DateOnly
        var limit = PageRequest.defaultLimit
        var after: (caseID: CaseID, seq: Int)?
    }

    /// One page of opinions, newest first, and the cursor of the next page (nil on the last).
    struct Page {
        let items: [(courtCase: CourtCase, entry: DocketEntry)]
        let nextCursor: String?
    }

    /// Reads `from` and `to` (YYYY-MM-DD, the court's days; the last 30 days by default),
    /// `limit` (1 to 500) and `cursor`.
    static func query(_ request: Request, court: OpenCourt) throws -> Query {
        var problems = FieldProblems()
        let parameters = request.uri.queryParameters
        func typed(_ name: String) -> String? {
            guard let value = parameters.get(name), !value.isEmpty else { return nil }
            return String(value)
        }
        func day(_ name: String, _ fallback: DateOnly) -> DateOnly {
            guard let value = typed(name) else { return fallback }
            guard let day = DateOnly(iso: value) else {
                problems[name] = "Enter the date as YYYY-MM-DD."
                return fallback
            }
            return day
        }
        let monthAgo = DateOnly(court.now.addingTimeInterval(-30 * 86_400), in: court.zone)
        var query = Query(from: day("from", monthAgo), to: day("to", court.today))
        if query.to < query.from { problems["to"] = "The end of the span is before its start." }
        let asked = PageRequest(request, items: "opinions", problems: &problems)
        query.limit = asked.limit
        if let cursor = asked.after {
            query.after = cursorEntry(cursor)
            if query.after == nil { problems["cursor"] = PageRequest.invalidCursor }
        }
        guard problems.isEmpty else { throw CourtError.invalid(problems, "The report needs another look.") }
        return query
    }

    static func opinions(in court: OpenCourt, context: CourtContext, _ query: Query) async throws -> Page {
        try court.requireAvailable()
        let start = query.from.startOfDay(in: court.zone)
        let end = query.to.startOfDay(in: court.zone).addingTimeInterval(86_400)
        let found = try await context.stores.docket(court.id).publicEntries(
            limit: query.limit + 1, in: nil, events: Array(EventCatalog.writtenOpinions).sorted(), filed: start..<end,
            after: query.after)
        let items = Array(found.prefix(query.limit))
        guard found.count > query.limit, let last = items.last else { return Page(items: items, nextCursor: nil) }
        return Page(items: items, nextCursor: CursorText.encode("\(last.entry.caseID.rawValue):\(last.entry.seq)"))
    }

    /// The entry a decoded cursor names (`caseID:seq`), or nil when it names none.
    private static func cursorEntry(_ cursor: String) -> (caseID: CaseID, seq: Int)? {
        let parts = cursor.split(separator: ":")
        guard parts.count == 2, let caseID = Int64(parts[0]), let seq = Int(parts[1]) else { return nil }
        return (CaseID(caseID), seq)
    }

    static func rows(_ items: [(courtCase: CourtCase, entry: DocketEntry)], court: OpenCourt) -> [Row] {
        items.map { courtCase, entry in
            let main = entry.documents.first { $0.attachment == 0 }
            return Row(
                dateFiled: DateOnly(entry.dateFiled, in: court.zone).usFormat, caseNumber: courtCase.number.description,
                caseTitle: courtCase.title,
                docketLink: CourtPaths.docketReport(court.id, courtCase.id),
                entryNumber: entry.number.map(String.init) ?? "",
                documentLink: main.map { "/ecf/\(court.id.rawValue)/doc1/\($0.id.rawValue)" }, text: entry.text)
        }
    }
}

struct OpinionsReportPage: Page {
    static let template = "opinions-report"

    let title: String
    let nav: NavBar
    let action: String
    let fields: [FormField]
    let rows: [OpinionsReport.Row]
    let hasRows: Bool
    let count: String
    let nextLink: String?

    init(context: AppRequestContext, court: OpenCourt, query: OpinionsReport.Query, page: OpinionsReport.Page) {
        let (from, to) = (query.from, query.to)
        nav = NavBar(context)
        title = "Written opinions: \(court.court.name)"
        let action = "/ecf/\(court.id.rawValue)/cgi-bin/WrtOpRpt.pl"
        self.action = action
        fields = [
            FormField("from", "Filed on or after", type: "date", value: from.description, hint: "YYYY-MM-DD"),
            FormField("to", "Filed on or before", type: "date", value: to.description, hint: "YYYY-MM-DD"),
        ]
        rows = OpinionsReport.rows(page.items, court: court)
        hasRows = !rows.isEmpty
        let span = "from \(from.usFormat) to \(to.usFormat)"
        let opinions = "written \(rows.count == 1 ? "opinion" : "opinions")"
        count =
            switch (rows.isEmpty, query.after == nil, page.nextCursor == nil) {
            case (true, true, _): "No written opinions were filed \(span)."
            case (true, false, _): "There are no more written opinions \(span)."
            case (false, true, true): "\(rows.count) \(opinions) \(span). Opinions are free to view."
            case (false, true, false):
                "The newest \(rows.count) \(opinions) \(span); the next page has more. Opinions are free to view."
            case (false, false, _): "\(rows.count) more \(opinions) \(span). Opinions are free to view."
            }
        nextLink = page.nextCursor.map {
            "\(action)?from=\(from.description)&to=\(to.description)&limit=\(query.limit)&cursor=\($0)"
        }
    }
}

/// `GET /api/v1/courts/{court}/opinions?from=&to=&limit=&cursor=`
struct OpinionsDTO: Encodable {
    struct Opinion: Encodable {
        let caseId: String
        let caseNumber: String
        let title: String
        let entryNumber: Int?
        let dateFiled: Date
        let docketText: String
        let docId: String?
    }

    let opinions: [Opinion]
    let nextCursor: String?

    init(_ page: OpinionsReport.Page) {
        nextCursor = page.nextCursor
        opinions = page.items.map { courtCase, entry in
            Opinion(
                caseId: String(courtCase.id.rawValue), caseNumber: courtCase.number.description, title: courtCase.title,
                entryNumber: entry.number, dateFiled: entry.dateFiled, docketText: entry.text,
                docId: entry.documents.first { $0.attachment == 0 }?.id.rawValue)
        }
    }
}
