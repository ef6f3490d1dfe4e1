import ECFDomain
import ECFServices
import Foundation
import Mustache

/// `/ecf/{court}/cgi-bin/iquery.pl?{caseId}`: CM/ECF's case query — the case's number, title,
/// judge and dates in the `<center>` block juriscraper's `CaseQuery` reads (lines broken by
/// `<br>`, labels in `<b>`), then the parties with their attorneys and the last entry.
struct CaseQueryPage: Page {
    static let template = "case-query"

    struct PartyLine: Sendable {
        let name: String
        let role: String
        let attorneys: String
        let terminated: String?
    }

    let title: String
    let nav: NavBar
    let number: String
    let caseTitle: String
    let judgeLine: String?
    let dateFiled: String
    let dateTerminated: String?
    let lastFiling: String?
    let parties: [PartyLine]
    let lastEntry: String?
    let docketLink: String
    var receipt: ReceiptView?
}

/// The page built from the case as its viewer may see it (a memberwise init stays for tests).
extension CaseQueryPage {
    /// - Parameter last: the latest entry the viewer may see.
    init(
        context: AppRequestContext, court: OpenCourt, view: ReadCase.CaseView, last: DocketEntry?,
        judges: [CourtAccount]
    ) {
        nav = NavBar(context)
        let courtCase = view.courtCase
        number = courtCase.number.description
        title = "Query: \(number)"
        caseTitle = courtCase.title
        judgeLine = AssignedJudge.account(of: courtCase, among: judges).map { "\($0.fullName), presiding" }
        dateFiled = courtCase.dateFiled.usFormat
        dateTerminated = courtCase.dateTerminated?.usFormat
        lastFiling = last.map { DateOnly($0.dateFiled, in: court.zone).usFormat }
        parties = view.parties.map { party in
            PartyLine(
                name: party.party.name, role: party.party.type.label,
                attorneys: party.proSe
                    ? "pro se" : party.attorneys.map(\.account.fullName).joined(separator: ", "),
                terminated: party.party.dateTerminated.map { "terminated \($0.usFormat)" })
        }
        lastEntry = last.map { entry in
            let label = entry.number.map { "Entry \($0)" } ?? "Unnumbered entry"
            return "\(label), filed \(DateOnly(entry.dateFiled, in: court.zone).usFormat): \(entry.text)"
        }
        docketLink = CourtPaths.docketReport(court.id, courtCase.id)
    }
}

/// The page's main part written out: through swift-mustache (its sections, lookups and
/// escaping) it was a ninth of a case query's CPU (BENCHMARKS.md P4, a tenth of the mix). The same
/// bytes as `case-query.mustache` (`MustacheParentKeysTests`).
extension CaseQueryPage {
    var writtenMain: String? {
        let escape = HTML.escape
        var html =
            "<div id=\"cmecfMainContent\">\n<center><b><font size=\"+1\">" + escape(number) + "</font></b> "
            + escape(caseTitle) + "<br>\n"
        if let judgeLine { html += escape(judgeLine) + "<br>\n" }
        html += "<b>Date filed:</b> " + escape(dateFiled) + "<br>\n"
        if let dateTerminated { html += "<b>Date terminated:</b> " + escape(dateTerminated) + "<br>\n" }
        if let lastFiling { html += "<b>Date of last filing:</b> " + escape(lastFiling) + "<br>\n" }
        html += "</center>\n</div>\n<h2>Parties and attorneys</h2>\n<ul class=\"usa-list\" id=\"parties\">\n"
        for party in parties {
            html += "<li>" + escape(party.name) + " (" + escape(party.role) + ")"
            if let terminated = party.terminated { html += ", " + escape(terminated) }
            html += ": " + escape(party.attorneys) + "</li>"
        }
        html += "\n</ul>\n"
        if let lastEntry { html += "<h2>Last entry</h2><p id=\"last-entry\">" + escape(lastEntry) + "</p>" }
        return html + "\n<p><a href=\"" + escape(docketLink) + "\">Docket report</a></p>\n" + (receipt?.html ?? "")
    }
}

/// The district judge a case number's initials name, among the court's judges.
enum AssignedJudge {
    static func account(of courtCase: CourtCase, among judges: [CourtAccount]) -> CourtAccount? {
        courtCase.number.assignedJudge.flatMap { initials in judges.first { OpenCase.initials($0) == initials } }
    }
}

/// By name rather than through `Mirror` (a tenth of the mixed load's requests; BENCHMARKS.md P4).
extension CaseQueryPage {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "caseTitle": caseTitle
        case "judgeLine": judgeLine
        case "dateFiled": dateFiled
        case "dateTerminated": dateTerminated
        case "lastFiling": lastFiling
        case "parties": parties
        case "lastEntry": lastEntry
        case "docketLink": docketLink
        case "receipt": receipt
        default: nil
        }
    }
}

extension CaseQueryPage.PartyLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "role": role
        case "attorneys": attorneys
        case "terminated": terminated
        default: nil
        }
    }
}
