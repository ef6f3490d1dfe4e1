import Foundation

/// What a clerk (or the CLI, or one line of an import file) gives to create a court account, as typed.
public struct CourtAccountForm: Sendable, Equatable, Codable {
    public var login: String
    public var role: String
    public var firstName: String
    public var lastName: String
    public var email: String
    /// Addresses separated by `;`, `,` or spaces.
    public var secondaryEmails: String
    public var barNumber: String
    public var barState: String

    public init(
        login: String, role: String, firstName: String, lastName: String, email: String,
        secondaryEmails: String = "", barNumber: String = "", barState: String = ""
    ) {
        self.login = login
        self.role = role
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.secondaryEmails = secondaryEmails
        self.barNumber = barNumber
        self.barState = barState
    }

    /// A form that passed every check.
    public struct Valid: Sendable, Equatable {
        public let login: CourtLogin
        public let role: CourtRole
        public let firstName: String
        public let lastName: String
        public let email: EmailAddress
        public let secondaryEmails: [EmailAddress]
        public let barNumber: String?
        public let barState: String?
    }

    /// Checks every field and returns all problems at once, keyed by field.
    public func validate() -> Result<Valid, FieldProblems> {
        var problems = FieldProblems()
        let login = CourtLogin(self.login)
        if login == nil { problems["login"] = "Choose a login of \(CourtLogin.rule)." }
        let role = CourtRole(rawValue: self.role.trimmingCharacters(in: .whitespaces))
        if role == nil {
            problems["role"] =
                "Choose the role: \(CourtRole.allCases.map(\.rawValue).joined(separator: ", "))."
        }
        let first = firstName.trimmingCharacters(in: .whitespaces)
        let last = lastName.trimmingCharacters(in: .whitespaces)
        if first.isEmpty || first.count > 60 { problems["firstName"] = "Enter the first name." }
        if last.isEmpty || last.count > 60 { problems["lastName"] = "Enter the last name." }
        let email = EmailAddress(self.email.trimmingCharacters(in: .whitespaces))
        if email == nil { problems["email"] = "Enter an e-mail address like name@example.com." }
        let typedSecondaries = secondaryEmails.split(whereSeparator: { ";, \n".contains($0) }).map(String.init)
        let secondaries = typedSecondaries.compactMap { EmailAddress($0) }
        if secondaries.count != typedSecondaries.count {
            let bad = typedSecondaries.filter { EmailAddress($0) == nil }.joined(separator: ", ")
            problems["secondaryEmails"] = "These secondary addresses are not e-mail addresses: \(bad)."
        } else if secondaries.count > CourtAccount.maximumSecondaryEmails {
            problems["secondaryEmails"] =
                "An account has at most \(CourtAccount.maximumSecondaryEmails) secondary addresses."
        }
        let bar = barNumber.trimmingCharacters(in: .whitespaces)
        let state = barState.trimmingCharacters(in: .whitespaces).uppercased()
        if role?.needsBarAdmission == true {
            if bar.isEmpty || bar.count > 20 || !bar.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                problems["barNumber"] = "Enter the attorney's bar number (letters, digits and hyphens)."
            }
            if state.count != 2 || !state.allSatisfy(\.isLetter) {
                problems["barState"] = "Enter the two-letter code of the bar's state, such as CA."
            }
        }
        guard problems.isEmpty, let login, let role, let email else { return .failure(problems) }
        let withBar = role.needsBarAdmission
        return .success(
            Valid(
                login: login, role: role, firstName: first, lastName: last,
                email: EmailAddress(email.address, displayName: "\(first) \(last)") ?? email,
                secondaryEmails: secondaries, barNumber: withBar ? bar : nil, barState: withBar ? state : nil))
    }
}
