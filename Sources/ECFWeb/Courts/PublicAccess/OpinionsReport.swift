import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// The written opinions report (`/ecf/{court}/cgi-bin/WrtOpRpt.pl?from=&to=`, and
/// `GET /api/v1/courts/{court}/opinions`): the court's public written opinions filed in a span of
/// days, free to everyone, as are their documents (`EventCatalog.writtenOpinions`).
struct OpinionsReport {
    struct Row: Sendable {
        let dateFiled: String
        let caseNumber: String
        let caseTitle: String
        let docketLink: String
        let entryNumber: String
        let documentLink: String?
        let text: String
    }

    /// Reads `from` and `to` (YYYY-MM-DD, the court's days); the last 30 days by default.
    static func span(_ request: Request, court: OpenCourt) throws -> (from: DateOnly, to: DateOnly) {
        var problems = FieldProblems()
        func day(_ name: String, _ fallback: DateOnly) -> DateOnly {
            guard let typed = request.uri.queryParameters.get(name), !typed.isEmpty else { return fallback }
            guard let day = DateOnly(iso: String(typed)) else {
                problems[name] = "Enter the date as YYYY-MM-DD."
                return fallback
            }
            return day
        }
        let today = court.today
        let monthAgo = DateOnly(court.now.addingTimeInterval(-30 * 86_400), in: court.zone)
        let from = day("from", monthAgo)
        let to = day("to", today)
        if to < from { problems["to"] = "The end of the span is before its start." }
        guard problems.isEmpty else { throw CourtError.invalid(problems, "The dates need another look.") }
        return (from, to)
    }

    static func opinions(in court: OpenCourt, context: CourtContext, from: DateOnly, to: DateOnly) async throws
        -> [(courtCase: CourtCase, entry: DocketEntry)]
    {
        try court.requireAvailable()
        let start = from.startOfDay(in: court.zone)
        let end = to.startOfDay(in: court.zone).addingTimeInterval(86_400)
        return try await context.stores.docket(court.id).publicEntries(
            limit: 500, in: nil, events: Array(EventCatalog.writtenOpinions).sorted(), filed: start..<end)
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

    init(context: AppRequestContext, court: OpenCourt, from: DateOnly, to: DateOnly, rows: [OpinionsReport.Row]) {
        nav = NavBar(context)
        title = "Written opinions: \(court.court.name)"
        action = "/ecf/\(court.id.rawValue)/cgi-bin/WrtOpRpt.pl"
        fields = [
            FormField("from", "Filed on or after", type: "date", value: from.description, hint: "YYYY-MM-DD"),
            FormField("to", "Filed on or before", type: "date", value: to.description, hint: "YYYY-MM-DD"),
        ]
        self.rows = rows
        hasRows = !rows.isEmpty
        count =
            rows.isEmpty
            ? "No written opinions were filed from \(from.usFormat) to \(to.usFormat)."
            : "\(rows.count) written \(rows.count == 1 ? "opinion" : "opinions") from \(from.usFormat) to \(to.usFormat). Opinions are free to view."
    }
}

/// `GET /api/v1/courts/{court}/opinions?from=&to=`
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

    init(_ items: [(courtCase: CourtCase, entry: DocketEntry)]) {
        opinions = items.map { courtCase, entry in
            Opinion(
                caseId: String(courtCase.id.rawValue), caseNumber: courtCase.number.description, title: courtCase.title,
                entryNumber: entry.number, dateFiled: entry.dateFiled, docketText: entry.text,
                docId: entry.documents.first { $0.attachment == 0 }?.id.rawValue)
        }
    }
}
