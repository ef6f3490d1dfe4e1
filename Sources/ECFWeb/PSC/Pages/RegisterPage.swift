import ECFDomain

/// `/pacer/register`: the free individual PACER account.
struct RegisterPage: Page {
    static let template = "pacer-register"
    static let order = [
        "firstName", "lastName", "email", "dateOfBirth", "street", "city", "state", "postalCode", "county", "userType",
        "username", "password", "affirmsIndividual",
    ]

    struct Option: Sendable, TemplateFields {
        let value: String
        let label: String
        let checked: Bool
    }

    let title = "Register for a PACER account"
    let nav: NavBar
    let csrfToken: String
    let personFields: [FormField]
    let addressFields: [FormField]
    let accountFields: [FormField]
    let userTypes: [Option]
    let userTypeError: String?
    let affirmed: Bool
    let affirmError: String?
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "Some answers need another look"

    init(context: AppRequestContext, form: FormData = FormData(""), problems: [String: String] = [:]) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        func field(_ name: String, _ label: String, type: String = "text", autocomplete: String, hint: String? = nil)
            -> FormField
        {
            FormField(
                name, label, type: type, autocomplete: autocomplete, hint: hint, answers: form, problems: problems)
        }
        personFields = [
            field("firstName", "First name", autocomplete: "given-name"),
            field("lastName", "Last name", autocomplete: "family-name"),
            field(
                "email", "E-mail address", type: "email", autocomplete: "email",
                hint: "We e-mail a link to this address; the account works once you open it."),
            field("dateOfBirth", "Date of birth", type: "date", autocomplete: "bday", hint: "For example 1985-04-12."),
        ]
        addressFields = [
            field("street", "Street address", autocomplete: "street-address"),
            field("city", "City", autocomplete: "address-level2"),
            field("state", "State", autocomplete: "address-level1", hint: "Two letters, such as CA."),
            field("postalCode", "ZIP code", autocomplete: "postal-code"),
            field("county", "County", autocomplete: "off"),
        ]
        accountFields = [
            field(
                "username", "Username", autocomplete: "username",
                hint: "\(Username.rule.prefix(1).uppercased())\(Username.rule.dropFirst())."),
            field(
                "password", "Password", type: "password", autocomplete: "new-password",
                hint:
                    "At least \(PasswordPolicy.minimumLength) characters. Any characters; a few unrelated words work well. Not your name, username or e-mail."
            ),
        ]
        let chosen = form.text("userType")
        userTypes = UserType.allCases.map {
            Option(value: $0.rawValue, label: $0.label, checked: $0.rawValue == chosen)
        }
        userTypeError = problems["userType"]
        affirmed = form.checked("affirmsIndividual")
        affirmError = problems["affirmsIndividual"]
        errors = [ErrorSummaryItem](problems, order: Self.order).map {
            // Radio groups and checkboxes link to their first input.
            ErrorSummaryItem(field: $0.field == "userType" ? "userType-attorney" : $0.field, message: $0.message)
        }
        hasErrors = !errors.isEmpty
    }
}
