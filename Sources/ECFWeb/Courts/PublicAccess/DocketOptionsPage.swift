import ECFDomain
import ECFServices
import Foundation

/// The docket report's options, as CM/ECF asks them before a report (free): dates filed,
/// document numbers, parties and counsel, terminated parties, order. A GET form to the report.
struct DocketOptionsPage: Page {
    static let template = "docket-options"

    struct Choice: Sendable, TemplateFields {
        let name: String
        let label: String
        let options: [SelectOption]
    }

    let title: String
    let nav: NavBar
    let action: String
    let caseID: String
    let caseTitle: String
    let fields: [FormField]
    let choices: [Choice]

    init(context: AppRequestContext, court: OpenCourt, courtCase: CourtCase) {
        nav = NavBar(context)
        title = "Docket report options: \(courtCase.number)"
        caseTitle = courtCase.title
        action = "/ecf/\(court.id.rawValue)/cgi-bin/DktRpt.pl"
        caseID = String(courtCase.id.rawValue)
        fields = [
            FormField("filedFrom", "Filed on or after", type: "date", hint: "YYYY-MM-DD; empty for the start"),
            FormField("filedTo", "Filed on or before", type: "date", hint: "YYYY-MM-DD; empty for today"),
            FormField(
                "documentFrom", "Documents numbered from", type: "number",
                hint: "Unnumbered entries are left out when you give a number."),
            FormField("documentTo", "Documents numbered to", type: "number"),
        ]
        choices = [
            Choice(
                name: "parties", label: "Parties and counsel",
                options: [
                    SelectOption(value: "yes", label: "Include", selected: true),
                    SelectOption(value: "no", label: "Leave out", selected: false),
                ]),
            Choice(
                name: "terminated", label: "Terminated parties",
                options: [
                    SelectOption(value: "yes", label: "Include", selected: true),
                    SelectOption(value: "no", label: "Leave out", selected: false),
                ]),
            Choice(
                name: "order", label: "Order of the entries",
                options: [
                    SelectOption(value: "oldest", label: "Oldest first", selected: true),
                    SelectOption(value: "newest", label: "Newest first", selected: false),
                ]),
        ]
    }
}
