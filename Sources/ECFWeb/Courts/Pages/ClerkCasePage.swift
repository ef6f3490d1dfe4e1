import ECFDomain
import ECFServices

/// `/ecf/{court}/clerk/cases/{caseId}`: the clerk's quality control of one docket — correct an
/// entry's text, strike it, set the restriction of an entry, of a document, or of the case.
struct ClerkCasePage: Page {
    static let template = "clerk-case"

    typealias Option = SelectOption

    struct Document: Sendable, TemplateFields {
        let id: String
        let label: String
        let restriction: String
        let options: [Option]
    }

    struct Served: Sendable, TemplateFields {
        let name: String
        let addresses: String
        let status: String
        let problem: String?
    }

    struct Entry: Sendable, TemplateFields {
        let seq: Int
        let number: String
        let filed: String
        let text: String
        let restriction: String
        let modified: String?
        let stricken: String?
        let canStrike: Bool
        let options: [Option]
        let documents: [Document]
        let served: [Served]
        let hasServed: Bool
    }

    let title: String
    let nav: NavBar
    let csrfToken: String
    let base: String
    let notice: String?
    let problem: String?
    let caseRestriction: String
    let caseOptions: [Option]
    let entries: [Entry]

    init(
        context: AppRequestContext, court: OpenCourt, view: ReadCase.CaseView, records: [ServiceRecord],
        notice: String?, problem: String?
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        title = "Docket of \(view.courtCase.number) \(view.courtCase.title)"
        base = ClerkDocketPageRoutes.path(court.id, view.courtCase.id)
        self.notice = notice
        self.problem = problem
        func options(_ chosen: Restriction) -> [Option] {
            Restriction.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == chosen) }
        }
        caseRestriction = view.courtCase.restriction.label
        caseOptions = options(view.courtCase.restriction)
        let zone = court.zone
        entries = view.entries.map { entry in
            let served = records.filter { $0.seq == entry.seq }.map {
                Served(
                    name: $0.name, addresses: $0.addresses.map(\.address).joined(separator: ", "),
                    status: $0.status.label, problem: $0.error)
            }
            return Entry(
                seq: entry.seq, number: entry.number.map(String.init) ?? "—",
                filed: CourtLocalTime.dayAndTime(entry.dateFiled, in: zone), text: entry.text,
                restriction: entry.restriction.label,
                modified: entry.modifiedAt.map { "Modified on \(CourtLocalTime.dayAndTime($0, in: zone))" },
                stricken: entry.strickenAt.map { "Stricken on \(CourtLocalTime.dayAndTime($0, in: zone))" },
                canStrike: entry.strickenAt == nil, options: options(entry.restriction),
                documents: entry.documents.map { document in
                    let number = entry.number.map {
                        document.attachment == 0 ? "\($0)" : "\($0)-\(document.attachment)"
                    }
                    return Document(
                        id: document.id.rawValue,
                        label: "\(number ?? "") \(document.description) (\(document.originalFileName))",
                        restriction: document.restriction.label, options: options(document.restriction))
                }, served: served, hasServed: !served.isEmpty)
        }
    }
}
