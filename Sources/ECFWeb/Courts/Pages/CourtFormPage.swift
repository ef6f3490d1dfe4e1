import ECFDomain
import ECFServices

/// A court page with one form: sign in with the court login, reset its password, request the
/// login, link it to PACER, change its password.
struct CourtFormPage: Page {
    static let template = "court-form"

    struct Link: Sendable, TemplateFields {
        let href: String
        let label: String
    }

    let title: String
    let nav: NavBar
    let csrfToken: String
    let courtName: String
    let phaseLabel: String
    let phaseClass: String
    let intro: [String]
    let notice: String?
    let errorHeading = "There is a problem"
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let problem: String?
    let action: String
    let hidden: [Link]
    let fields: [FormField]
    let button: String
    let links: [Link]
    let hasLinks: Bool

    init(
        context: AppRequestContext, court: OpenCourt, title: String, intro: [String], action: String,
        fields: [FormField], button: String, links: [Link] = [], notice: String? = nil, problem: String? = nil,
        problems: [String: String] = [:], hidden: [String: String] = [:]
    ) {
        self.nav = NavBar(context)
        self.csrfToken = context.csrfToken
        self.title = title
        self.courtName = court.court.name
        self.phaseLabel = court.phase.label
        self.phaseClass = court.phase.rawValue
        self.intro = intro
        self.action = action
        self.fields = fields
        self.button = button
        self.links = links
        self.hasLinks = !links.isEmpty
        self.notice = notice
        self.errors = .init(problems, order: fields.map(\.name))
        self.hasErrors = !errors.isEmpty
        self.problem = hasErrors ? nil : problem
        self.hidden = hidden.sorted { $0.key < $1.key }.map { Link(href: $0.value, label: $0.key) }
    }
}
