import ECFDomain
import ECFServices

/// `/ecf/{court}/efile`: where a filer starts — its own cases, a case by number, or a new case.
struct FilingStartPage: Page {
    static let template = "filing-start"

    struct CaseLink: Sendable, TemplateFields {
        let href: String
        let number: String
        let title: String
    }

    let title: String
    let nav: NavBar
    let courtID: String
    let who: String
    let cases: [CaseLink]
    let hasCases: Bool
    let caseNumber: FormField
    let problem: String?
    let mayOpenCases: Bool

    init(
        context: AppRequestContext, court: OpenCourt, filer: CourtAccount, cases: [CourtCase], typed: String = "",
        problem: String? = nil
    ) {
        nav = NavBar(context)
        title = "E-file in \(court.court.name)"
        courtID = court.id.rawValue
        who = "You can e-file in this court with the CM/ECF login \(filer.login) (\(filer.role.label))."
        self.cases = cases.map {
            CaseLink(href: FilingPaths.form(court.id, $0.id), number: $0.number.description, title: $0.title)
        }
        hasCases = !cases.isEmpty
        caseNumber = FormField(
            "case", "Case number", value: typed,
            hint: "For example 2:26-cv-00001 (the judges' initials may be left out).",
            error: problem)
        self.problem = problem
        mayOpenCases = filer.role == .attorney || filer.role == .clerk
    }
}

/// The paths of the filing pages.
enum FilingPaths {
    static func start(_ court: CourtID) -> String { CourtPaths.eFile(court) }
    static func form(_ court: CourtID, _ caseID: CaseID) -> String {
        "/ecf/\(court.rawValue)/cases/\(caseID.rawValue)/file"
    }
    static func newCase(_ court: CourtID) -> String { "/ecf/\(court.rawValue)/cases/new" }
    static func receipt(_ court: CourtID, _ caseID: CaseID, seq: Int) -> String {
        "/ecf/\(court.rawValue)/cases/\(caseID.rawValue)/entries/\(seq)/receipt"
    }
    static func document(_ court: CourtID, _ id: DocumentID) -> String { "/ecf/\(court.rawValue)/doc1/\(id.rawValue)" }
    /// CM/ECF's docket report address: the case id is the whole query.
    static func docket(_ court: CourtID, _ caseID: CaseID) -> String {
        CourtPaths.docketReport(court, caseID)
    }
}
