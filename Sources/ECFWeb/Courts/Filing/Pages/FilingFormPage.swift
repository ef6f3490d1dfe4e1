import ECFDomain
import ECFServices

/// `/ecf/{court}/cases/{caseId}/file`: the event, the filing parties, the documents and what the
/// filer adds to the docket text, on one form that goes to the review.
struct FilingFormPage: Page {
    static let template = "filing-form"

    typealias Option = SelectOption

    struct Group: Sendable, TemplateFields {
        let label: String
        let options: [Option]
    }

    struct PartyBox: Sendable, TemplateFields {
        let id: String
        let label: String
        let checked: Bool
    }

    struct AttachmentRow: Sendable, TemplateFields {
        let number: Int
        let description: String
    }

    struct FileProblem: Sendable, TemplateFields {
        let file: String
        let problem: String
    }

    let title = "File a document"
    let nav: NavBar
    let caseLine: String
    let action: String
    let groups: [Group]
    let parties: [PartyBox]
    let addedText: String
    let attachments: [AttachmentRow]
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "There is a problem"
    let fileProblems: [FileProblem]
    let hasFileProblems: Bool
    let eventError: String?
    let filersError: String?
    let documentError: String?
    let maxFileMegabytes: Int

    struct Answers {
        var event = ""
        var filers: Set<Int64> = []
        var addedText = ""
        var descriptions = ["", "", ""]
    }

    init(
        context: AppRequestContext, court: OpenCourt, courtCase: CourtCase, filer: CourtAccount, parties: [Party],
        mine: Set<Int64>, settings: CourtSettings, answers: Answers = .init(), problems: [String: String] = [:],
        fileProblems: [(file: String, problem: String)] = []
    ) {
        nav = NavBar(context)
        caseLine = "\(courtCase.number) \(courtCase.title)"
        action = FilingPaths.form(court.id, courtCase.id) + "/review?csrfToken=\(context.csrfToken)"
        groups = FilingEvent.Category.allCases.compactMap { category in
            let events = EventCatalog.events(for: court.court.kind).filter {
                $0.category == category && !$0.opensCase && $0.mayFile.contains(filer.role)
            }
            guard !events.isEmpty else { return nil }
            return Group(
                label: category.label,
                options: events.map { Option(value: $0.id, label: $0.name, selected: $0.id == answers.event) })
        }
        let may = filer.role == .attorney ? parties.filter { mine.contains($0.id) } : parties
        self.parties = may.filter { $0.dateTerminated == nil }.map {
            PartyBox(id: String($0.id), label: "\($0.name) (\($0.type.label))", checked: answers.filers.contains($0.id))
        }
        addedText = answers.addedText
        attachments = (1...3).map { AttachmentRow(number: $0, description: answers.descriptions[$0 - 1]) }
        errors = .init(problems, order: ["event", "filers", "document", "form"])
        hasErrors = !errors.isEmpty || !fileProblems.isEmpty
        self.fileProblems = fileProblems.map { FileProblem(file: $0.file, problem: $0.problem) }
        hasFileProblems = !fileProblems.isEmpty
        eventError = problems["event"]
        filersError = problems["filers"]
        documentError = problems["document"]
        maxFileMegabytes = settings.maxFileMegabytes
    }
}
