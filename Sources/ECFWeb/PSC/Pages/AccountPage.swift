import ECFDomain
import Foundation

/// `/pacer/account`: Manage My Account.
struct AccountPage: Page {
    static let template = "pacer-account"

    struct Row: Sendable, TemplateFields {
        let label: String
        let value: String
    }

    let title = "Manage my account"
    let nav: NavBar
    let csrfToken: String
    let rows: [Row]
    let isLegacy: Bool
    let statusLabel: String
    let notice: String?
    /// A legacy account whose e-mail is not verified starts there.
    let needsEmailVerification: Bool
    let canUpgrade: Bool
    let upgradeFields: [FormField]
    let userTypes: [RegisterPage.Option]
    let userTypeError: String?
    let errors: [ErrorSummaryItem]
    let hasErrors: Bool
    let errorHeading = "The upgrade needs another look"
    let mfaEnabled: Bool
    let mfaFields: [FormField]
    let mustChangePassword: Bool
    let passwordFields: [FormField]

    init(
        context: AppRequestContext, account: PacerAccount, mfaEnabled: Bool, notice: String? = nil,
        form: FormData = FormData(""), problems: [String: String] = [:]
    ) {
        self.mfaEnabled = mfaEnabled
        mustChangePassword = account.mustChangePassword && !account.isLegacy
        passwordFields = [
            FormField(
                "currentPassword", "Current password", type: "password", autocomplete: "current-password",
                error: problems["currentPassword"]),
            FormField(
                "newPasswordChange", "New password", type: "password", autocomplete: "new-password",
                hint: "At least \(PasswordPolicy.minimumLength) characters; not your name, username or e-mail.",
                error: problems["newPasswordChange"]),
        ]
        mfaFields = [
            FormField(
                "password", "Your current password", type: "password", autocomplete: "current-password",
                error: problems["password"]),
            FormField("name", "A name for the app", value: "", autocomplete: "off", hint: "For example: my phone."),
        ]
        nav = NavBar(context)
        csrfToken = context.csrfToken
        self.notice = notice
        isLegacy = account.isLegacy
        needsEmailVerification = account.isLegacy && account.emailVerifiedAt == nil
        canUpgrade = account.isLegacy && account.emailVerifiedAt != nil
        func field(_ name: String, _ label: String, type: String = "text", autocomplete: String, hint: String? = nil)
            -> FormField
        {
            FormField(
                name, label, type: type, autocomplete: autocomplete, hint: hint, answers: form, problems: problems)
        }
        upgradeFields = [
            field("dateOfBirth", "Date of birth", type: "date", autocomplete: "bday", hint: "For example 1985-04-12."),
            field("street", "Street address", autocomplete: "street-address"),
            field("city", "City", autocomplete: "address-level2"),
            field("state", "State", autocomplete: "address-level1", hint: "Two letters, such as CA."),
            field("postalCode", "ZIP code", autocomplete: "postal-code"),
            field("county", "County", autocomplete: "off"),
            field(
                "newPassword", "New password", type: "password", autocomplete: "new-password",
                hint: "At least \(PasswordPolicy.minimumLength) characters; not your name, username or e-mail."),
        ]
        userTypes = UserType.allCases.map {
            RegisterPage.Option(value: $0.rawValue, label: $0.label, checked: $0.rawValue == form.text("userType"))
        }
        userTypeError = problems["userType"]
        errors = [ErrorSummaryItem](
            problems,
            order: ["dateOfBirth", "street", "city", "state", "postalCode", "county", "userType", "newPassword"]
        ).map { ErrorSummaryItem(field: $0.field == "userType" ? "userType-attorney" : $0.field, message: $0.message) }
        hasErrors = !errors.isEmpty
        let dateStyle = Date.FormatStyle(
            date: .long, time: .omitted, locale: Locale(identifier: "en_US"),
            timeZone: TimeZone(identifier: "America/Chicago")!)
        statusLabel =
            account.isLegacy
            ? "Legacy account: upgrade needed to e-file in NextGen courts"
            : "Upgraded: ready for NextGen courts"
        var rows = [
            Row(label: "Name", value: account.fullName),
            Row(label: "Username", value: account.username.rawValue),
            Row(
                label: "E-mail address",
                value: account.email.address + (account.emailVerifiedAt == nil ? " (not verified)" : "")),
            Row(label: "User type", value: account.userType?.label ?? "Not given yet"),
        ]
        if let address = account.address {
            let street = [address.street, address.city, "\(address.state) \(address.postalCode)"]
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ")
            let county = "\(address.county) County"
            rows.append(Row(label: "Mailing address", value: street.isEmpty ? county : "\(street) (\(county))"))
        }
        rows.append(Row(label: "Account created", value: account.createdAt.formatted(dateStyle)))
        rows.append(
            Row(
                label: "Account status",
                value: account.isLegacy
                    ? "Legacy"
                    : "Upgraded"
                        + (account.upgradedAt.map { " on \($0.formatted(dateStyle))" }
                            ?? " (registered after August 2014)")))
        rows.append(Row(label: "Two-step verification", value: mfaEnabled ? "On" : "Not set up"))
        rows.append(Row(label: "Courts where you can e-file", value: "None yet"))
        self.rows = rows
    }
}
