import ECFDomain
import ECFServices

/// `/ecf/{court}/cases/new`: the civil cover data, the parties and the complaint, on one form
/// that goes to the review (where the fee is paid).
struct CaseOpeningPage: Page {
    static let template = "case-open"

    typealias Option = SelectOption

    struct Select: Sendable, TemplateFields {
        let name: String
        let label: String
        let hint: String?
        let options: [Option]
        let error: String?
    }

    struct PartyRow: Sendable, TemplateFields {
        let index: Int
        let number: Int
        let name: String
        let types: [Option]
        let represented: Bool
        let nameError: String?
        let typeError: String?
    }

    let title = "Open a new civil case"
    let nav: NavBar
    let courtName: String
    let action: String
    let fields: [FormField]
    let selects: [Select]
    let demand: FormField
    let parties: [PartyRow]
    let partiesError: String?
    let documentError: String?
    let errors: [ErrorSummaryItem]
    let fileProblems: [FilingFormPage.FileProblem]
    let hasErrors: Bool
    let errorHeading = "There is a problem"
    let fee: String
    let maxFileMegabytes: Int

    static let rows = 4

    init(
        context: AppRequestContext, court: OpenCourt, settings: CourtSettings, form: CaseOpeningForm? = nil,
        problems: [String: String] = [:], fileProblems: [(file: String, problem: String)] = []
    ) {
        nav = NavBar(context)
        courtName = court.court.name
        action = FilingPaths.newCase(court.id) + "/review?csrfToken=\(context.csrfToken)"
        let typed =
            form
            ?? CaseOpeningForm(
                title: "", natureOfSuit: "", cause: "", jurisdiction: "", juryDemand: "None", demand: "",
                parties: [])
        fields = [
            FormField(
                "title", "Case title (caption)", value: typed.title, hint: "For example: Roe v. Bolt Fasteners, Inc.",
                error: problems["title"]),
            FormField(
                "cause", "Cause", value: typed.cause,
                hint: "The statute you file under and a short description, for example 28:1331 Federal Question.",
                error: problems["cause"]),
        ]
        func options(_ values: [(String, String)], selected: String) -> [Option] {
            values.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        selects = [
            Select(
                name: "natureOfSuit", label: "Nature of suit", hint: "As on the civil cover sheet (JS 44).",
                options: [
                    Option(value: "", label: "- Choose the nature of suit -", selected: typed.natureOfSuit.isEmpty)
                ]
                    + options(NatureOfSuit.all.map { (String($0.code), $0.description) }, selected: typed.natureOfSuit),
                error: problems["natureOfSuit"]),
            Select(
                name: "jurisdiction", label: "Basis of jurisdiction", hint: nil,
                options: [Option(value: "", label: "- Choose -", selected: typed.jurisdiction.isEmpty)]
                    + options(CaseOpeningForm.jurisdictions.map { ($0, $0) }, selected: typed.jurisdiction),
                error: problems["jurisdiction"]),
            Select(
                name: "juryDemand", label: "Jury demand", hint: nil,
                options: options(CaseOpeningForm.juryDemands.map { ($0, $0) }, selected: typed.juryDemand),
                error: problems["juryDemand"]),
        ]
        demand = FormField(
            "demand", "Demand (optional)", value: typed.demand, hint: "For example $250,000.", error: problems["demand"]
        )
        parties = (0..<Self.rows).map { index in
            let party = index < typed.parties.count ? typed.parties[index] : nil
            let chosen = party?.type ?? (index == 0 ? "plaintiff" : index == 1 ? "defendant" : "")
            return PartyRow(
                index: index, number: index + 1, name: party?.name ?? "",
                types: [Option(value: "", label: "- Role -", selected: chosen.isEmpty)]
                    + options(CaseOpeningForm.openingTypes.map { ($0.rawValue, $0.label) }, selected: chosen),
                represented: party?.represented ?? (index == 0),
                nameError: problems["parties[\(index)].name"], typeError: problems["parties[\(index)].type"])
        }
        partiesError = problems["parties"]
        documentError = problems["document"]
        let order =
            ["title", "natureOfSuit", "cause", "jurisdiction", "juryDemand", "demand", "parties"]
            + (0..<Self.rows).flatMap { ["parties[\($0)].name", "parties[\($0)].type"] } + ["document"]
        errors = .init(problems, order: order).map {
            ErrorSummaryItem(field: Self.anchor($0.field), message: $0.message)
        }
        self.fileProblems = fileProblems.map { .init(file: $0.file, problem: $0.problem) }
        hasErrors = !errors.isEmpty || !fileProblems.isEmpty
        fee = FeeSchedule.amount(.civilCaseFiling).description
        maxFileMegabytes = settings.maxFileMegabytes
    }

    /// `parties[1].name` → `party1Name`, the id of its input.
    static func anchor(_ field: String) -> String {
        guard field.hasPrefix("parties["), let close = field.firstIndex(of: "]") else { return field }
        let index = field[field.index(field.startIndex, offsetBy: 8)..<close]
        return field.hasSuffix(".name") ? "party\(index)Name" : field.hasSuffix(".type") ? "party\(index)Type" : field
    }
}
