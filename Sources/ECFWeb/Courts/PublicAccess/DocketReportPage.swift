import ECFDomain
import ECFServices
import Foundation
import Mustache

/// `/ecf/{court}/cgi-bin/DktRpt.pl?{caseId}`: the CM/ECF docket report, laid out the way
/// CourtListener's juriscraper reads it (`../shared/docs/juriscraper-compat.md` §1): the docket
/// number in an `<h3>`, one metadata table whose cells break lines with `<br>`, the parties with
/// exactly three cells per row, and the entries table of date filed, number and docket text. A
/// bankruptcy court's report is CM/ECF's bankruptcy docket: "Bankruptcy Petition #" in
/// `<center><font>`, the chapter in the metadata, each party's type in italics in its own row.
struct DocketReportPage: Page {
    static let template = "docket-report"

    struct Line: Sendable {
        let text: String
    }

    struct Attorney: Sendable {
        let name: String
        let contact: [Line]
        let roles: [Line]
    }

    struct PartyRow: Sendable {
        /// The party's type, in the row before it.
        let typeHeading: String
        let name: String
        let terminated: String?
        let attorneys: [Attorney]
        let represented: Bool
    }

    struct EntryRow: Sendable {
        let dateFiled: String
        let number: String?
        let documentPath: String?
        let onclick: String?
        let text: String
    }

    let title: String
    let nav: NavBar
    let bankruptcy: Bool
    let courtKind: String
    let courtName: String
    let heading: String
    let caseTitle: String
    let left: [Line]
    let right: [Line]
    let parties: [PartyRow]
    let hasParties: Bool
    let optionsLink: String
    /// Where the template puts the entries' rows, and the receipt once the report's size is known:
    /// the report is sent in parts (`mainParts`, `DocketReportStream`), the entries a page at a
    /// time.
    static let entriesMark = "<!--entries-->"
    static let receiptMark = "<!--receipt-->"

    /// One entry's row: date filed, number (linked to its document, or to its attachment page when
    /// it has attachments, with CM/ECF's `goDLS` call) and text with `(Entered: date)`.
    static func row(_ entry: DocketEntry, caseID: CaseID, court: OpenCourt, date: (Date) -> String) -> EntryRow {
        let main = entry.documents.first { $0.attachment == 0 }
        var text = entry.text
        if entry.strickenAt != nil { text = "STRICKEN. " + text }
        if let modified = entry.modifiedAt { text += " (Modified on \(date(modified)))" }
        text += " (Entered: \(date(entry.dateEntered)))"
        let attached = entry.documents.count > 1
        return EntryRow(
            dateFiled: date(entry.dateFiled), number: entry.number.map(String.init),
            documentPath: main.map { "/ecf/\(court.id.rawValue)/doc1/\(attached ? $0.id.menuID : $0.id.rawValue)" },
            onclick: main.map {
                "goDLS('/doc1/\($0.id.rawValue)','\(caseID.rawValue)','\(entry.seq)','','','1','','');return(false);"
            },
            text: text)
    }

    static func date(in zone: TimeZone) -> (Date) -> String {
        { DateOnly($0, in: zone).usFormat }
    }
}

/// The report built from the case as its viewer may see it (a memberwise init stays for tests).
extension DocketReportPage {
    init(
        context: AppRequestContext, court: OpenCourt, view: ReadCase.CaseView, judges: [CourtAccount],
        filter: DocketFilter = DocketFilter()
    ) {
        nav = NavBar(context)
        let courtCase = view.courtCase
        let number = courtCase.number.description
        title = "Docket report: \(number)"
        let bankruptcy = court.court.kind == .bankruptcy
        self.bankruptcy = bankruptcy
        courtKind = bankruptcy ? "U.S. Bankruptcy Court" : "U.S. District Court"
        courtName = court.court.name
        heading =
            bankruptcy
            ? "Bankruptcy Petition #: \(number)"
            : (courtCase.number.type == .cv ? "CIVIL " : "") + "DOCKET FOR CASE #: \(number)"
        caseTitle = courtCase.title
        let assigned = AssignedJudge.account(of: courtCase, among: judges)
        var left: [Line] = []
        if let assigned { left.append(Line(text: "Assigned to: Judge \(assigned.fullName)")) }
        if let chapter = courtCase.chapter { left += [Line(text: chapter.label), Line(text: "Voluntary")] }
        if !courtCase.cause.isEmpty { left.append(Line(text: "Cause: \(courtCase.cause)")) }
        self.left = left
        var right = [Line(text: "Date \(bankruptcy ? "filed" : "Filed"): \(courtCase.dateFiled.usFormat)")]
        if let terminated = courtCase.dateTerminated {
            right.append(Line(text: "Date Terminated: \(terminated.usFormat)"))
        }
        if !courtCase.juryDemand.isEmpty { right.append(Line(text: "Jury Demand: \(courtCase.juryDemand)")) }
        if let nature = courtCase.natureOfSuit { right.append(Line(text: "Nature of Suit: \(nature)")) }
        if !courtCase.jurisdiction.isEmpty { right.append(Line(text: "Jurisdiction: \(courtCase.jurisdiction)")) }
        if !courtCase.demand.isEmpty { right.append(Line(text: "Demand: \(courtCase.demand)")) }
        self.right = right
        parties = view.parties.filter { filter.lists($0.party) }.map { partyView in
            let party = partyView.party
            return PartyRow(
                // Each party under its own type row, as CM/ECF lists them (juriscraper reads a
                // party's type from the row just before it).
                typeHeading: party.type.label, name: party.name,
                terminated: party.dateTerminated.map { "TERMINATED: \($0.usFormat)" },
                attorneys: partyView.attorneys.map { attorney, roles in
                    Attorney(
                        name: attorney.fullName,
                        contact: [Line(text: "Email: \(attorney.email.address)")],
                        roles: roles.labels.map { Line(text: $0) })
                } + (partyView.proSe ? [Attorney(name: party.name, contact: [], roles: [Line(text: "PRO SE")])] : []),
                represented: !partyView.attorneys.isEmpty || partyView.proSe)
        }
        hasParties = !parties.isEmpty
        optionsLink = "/ecf/\(court.id.rawValue)/cases/\(courtCase.id.rawValue)/docket-options"
    }
}

/// A docket report renders one row per entry, tens of thousands for a large case: the rows are
/// written out directly, not through the template engine, whose lookups and escaping were most of
/// a report's time (BENCHMARKS.md P1).
extension DocketReportPage.EntryRow {
    /// `<tr><td>date</td><td>number, linked to its document</td><td>text</td></tr>`, escaped.
    var html: String {
        var row = "<tr><td>" + HTML.escape(dateFiled) + "</td><td>"
        if let number, !number.isEmpty {
            if let documentPath, !documentPath.isEmpty {
                row +=
                    "<a href=\"" + HTML.escape(documentPath) + "\" onclick=\"" + HTML.escape(onclick ?? "") + "\">"
                    + HTML.escape(number) + "</a>"
            } else {
                row += HTML.escape(number)
            }
        }
        return row + "</td><td>" + HTML.escape(text) + "</td></tr>\n"
    }
}

/// The report's heading, metadata and parties are written out directly too: through swift-mustache
/// (its sections, lookups and escaping) those 4 KB were an eighth of a report's time once the rows
/// were kept (BENCHMARKS.md P1). The bytes are those the template wrote (`MustacheParentKeysTests`).
extension DocketReportPage {
    /// The heading, the metadata table (`<br>` between lines) and the parties' table, escaped.
    var header: String {
        let escape = HTML.escape
        var html = ""
        if bankruptcy {
            html +=
                "<center class=\"docket-heading\"><font size=\"+1\">" + escape(courtKind) + "<br>" + escape(courtName)
                + "<br>" + escape(heading) + "</font></center>\n" + Self.metadataOpening + "<td>"
            for line in left { html += "<br>" + escape(line.text) }
            html += metadataRight
        }
        html += "\n"
        if !bankruptcy {
            html +=
                "<h3 class=\"docket-heading\">" + escape(courtKind) + "<br>" + escape(courtName) + "<br>"
                + escape(heading) + "</h3>\n" + Self.metadataOpening + "<td><br>" + escape(caseTitle)
            for line in left { html += "<br>" + escape(line.text) }
            html += metadataRight
        }
        html += "\n"
        guard hasParties else { return html }
        html += "<table class=\"docket-parties\" role=\"presentation\">\n"
        for party in parties {
            if !bankruptcy {
                html += "<tr><td colspan=\"3\"><b><u>" + escape(party.typeHeading) + "</u></b></td></tr>"
            }
            html += "\n<tr><td>"
            if bankruptcy { html += "<i><b>" + escape(party.typeHeading) + "</b></i><br>" }
            html += "<b>" + escape(party.name) + "</b>"
            if let terminated = party.terminated { html += "<br><i>" + escape(terminated) + "</i>" }
            html += "</td><td>" + (party.represented ? "represented&nbsp;by" : "") + "</td><td>"
            for attorney in party.attorneys {
                html += "<b>" + escape(attorney.name) + "</b><br>"
                for line in attorney.contact { html += escape(line.text) + "<br>" }
                for line in attorney.roles { html += "<i>" + escape(line.text) + "</i><br>" }
            }
            html += "</td></tr>\n"
        }
        return html + "</table>"
    }

    /// `docket-report.mustache` written out, in the three parts the report is sent in around its
    /// rows and its receipt (`DocketReportStream`): through swift-mustache, the template's lookups
    /// were 2% of a report's CPU (BENCHMARKS.md P1), and its marks were searched for again.
    var mainParts: (beforeRows: String, afterRows: String, afterReceipt: String) {
        (
            header + Self.entriesOpening, "\n</table>\n",
            "\n<p><a class=\"usa-link\" id=\"report-options\" href=\"" + HTML.escape(optionsLink)
                + "\">Report options: dates, document numbers, parties, order</a></p>\n"
        )
    }

    /// The parts with the template's marks between them: the same bytes as the template
    /// (`MustacheParentKeysTests`).
    var writtenMain: String? {
        let parts = mainParts
        return parts.beforeRows + Self.entriesMark + parts.afterRows + Self.receiptMark + parts.afterReceipt
    }

    private static let entriesOpening = """

        <table class="usa-table docket-entries">
        <caption>Docket entries</caption>
        <tr><th scope="col">Date Filed</th><th scope="col">#</th><th scope="col">Docket Text</th></tr>

        """

    private static let metadataOpening = "<table class=\"docket-metadata\" role=\"presentation\">\n<tr>\n"

    /// The metadata's right cell, and the table's end.
    private var metadataRight: String {
        var html = "</td>\n<td><br>"
        for line in right { html += HTML.escape(line.text) + "<br>" }
        return html + "</td>\n</tr>\n</table>"
    }
}

/// What the template still reads (the header written out, the options link), looked up by name
/// rather than through `Mirror`. A key missing here is looked for further out, as with `Mirror`.
extension DocketReportPage {
    func child(named name: String) -> Any? {
        switch name {
        case "header": header
        case "optionsLink": optionsLink
        default: nil
        }
    }
}
