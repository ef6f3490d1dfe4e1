import ECFDomain
import ECFServices

/// The form a PACER account fills in to ask a NextGen court for e-filing privileges.
struct EFileRegistrationPage: Page {
    static let template = "pacer-efile-registration"

    struct Option: Sendable, TemplateFields {
        let value: String
        let label: String
        let selected: Bool
    }

    let title = "Ask a court for e-filing privileges"
    let nav: NavBar
    let csrfToken: String
    let courtOptions: [Option]
    let roleOptions: [Option]
    let barFields: [FormField]
    let problem: String?
    let errorHeading = "There is a problem"
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool

    init(
        context: AppRequestContext, court: String, courts: [CourtListing], form: FormData = FormData(""),
        problems: [String: String] = [:], problem: String? = nil
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        courtOptions = courts.map {
            Option(value: $0.court.id.rawValue, label: $0.court.name, selected: $0.court.id.rawValue == court)
        }
        let role = form.text("role")
        roleOptions = CourtRole.requestable.map {
            Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == role)
        }
        barFields = [
            FormField(
                "barNumber", "Bar number", autocomplete: "off", hint: "Attorneys only.", answers: form,
                problems: problems),
            FormField(
                "barState", "Bar state", autocomplete: "off", hint: "Attorneys only, such as CA.", answers: form,
                problems: problems),
        ]
        errors = .init(problems, order: ["court", "role", "barNumber", "barState"])
        hasErrors = !errors.isEmpty
        self.problem = problem
    }
}
