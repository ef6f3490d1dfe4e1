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
