import Foundation

/// What a person fills in to register for a PACER account, as typed.
public struct RegistrationForm: Sendable, Equatable, Codable {
    public var username: String
    public var password: String
    public var firstName: String
    public var lastName: String
    public var email: String
    public var dateOfBirth: String
    public var street: String
    public var city: String
    public var state: String
    public var postalCode: String
    public var county: String
    public var userType: String
    /// The person affirms that the account is for them alone.
    public var affirmsIndividual: Bool

    public init(
        username: String, password: String, firstName: String, lastName: String, email: String,
        dateOfBirth: String, street: String, city: String, state: String, postalCode: String, county: String,
        userType: String, affirmsIndividual: Bool
    ) {
        self.username = username
        self.password = password
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.dateOfBirth = dateOfBirth
        self.street = street
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.county = county
        self.userType = userType
        self.affirmsIndividual = affirmsIndividual
    }

    /// A registration that passed every check.
    public struct Valid: Sendable, Equatable {
        public let username: Username
        public let password: String
        public let firstName: String
        public let lastName: String
        public let email: EmailAddress
        public let dateOfBirth: DateOnly
        public let address: PostalAddress
        public let userType: UserType
    }

    /// Checks every field and returns all problems at once, keyed by field, in words for the person.
    public func validate(today: DateOnly) -> Result<Valid, FieldProblems> {
        var problems = FieldProblems()
        let username = Username(self.username)
        if username == nil { problems["username"] = "Choose a username of \(Username.rule)." }
        let first = firstName.trimmingCharacters(in: .whitespaces)
        let last = lastName.trimmingCharacters(in: .whitespaces)
        if first.isEmpty || first.count > 60 { problems["firstName"] = "Enter your first name." }
        if last.isEmpty || last.count > 60 { problems["lastName"] = "Enter your last name." }
        let email = EmailAddress(self.email.trimmingCharacters(in: .whitespaces))
        if email == nil { problems["email"] = "Enter an e-mail address like name@example.com." }
        let birth = DateOnly(iso: dateOfBirth)
        if let birth {
            if birth >= today || birth.year < today.year - 120 {
                problems["dateOfBirth"] = "Enter your real date of birth."
            } else if today.year - birth.year < 13 {
                problems["dateOfBirth"] = "You must be at least 13 years old to register."
            }
        } else {
            problems["dateOfBirth"] = "Enter your date of birth as YYYY-MM-DD."
        }
        let address = PostalAddress(
            street: street.trimmingCharacters(in: .whitespaces), city: city.trimmingCharacters(in: .whitespaces),
            state: state.trimmingCharacters(in: .whitespaces).uppercased(),
            postalCode: postalCode.trimmingCharacters(in: .whitespaces),
            county: county.trimmingCharacters(in: .whitespaces))
        if address.street.isEmpty { problems["street"] = "Enter your street address." }
        if address.city.isEmpty { problems["city"] = "Enter your city." }
        if address.state.count != 2 || !address.state.allSatisfy(\.isLetter) {
            problems["state"] = "Enter the two-letter state code, such as CA."
        }
        if !Self.isZIPCode(address.postalCode) {
            problems["postalCode"] = "Enter a ZIP code such as 90012 or 90012-4701."
        }
        if address.county.isEmpty { problems["county"] = "Enter your county." }
        let userType = UserType(rawValue: self.userType)
        if userType == nil { problems["userType"] = "Choose attorney, non-attorney or media." }
        if !affirmsIndividual {
            problems["affirmsIndividual"] =
                "Confirm that this account is for you alone. Each person needs an individual account; a shared firm account cannot file."
        }
        if let problem = PasswordPolicy.check(
            password, username: self.username, firstName: first, lastName: last, email: email?.address)
        {
            problems["password"] = problem.description
        }
        guard problems.isEmpty, let username, let email, let birth, let userType else { return .failure(problems) }
        return .success(
            Valid(
                username: username, password: password, firstName: first, lastName: last,
                email: EmailAddress(email.address, displayName: "\(first) \(last)") ?? email, dateOfBirth: birth,
                address: address, userType: userType))
    }
}

extension RegistrationForm {
    /// `12345` or `12345-6789`.
    static func isZIPCode(_ text: String) -> Bool {
        let digits = text.filter(\.isASCII)
        guard digits.count == text.count else { return false }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 5, parts[0].allSatisfy(\.isNumber) else { return false }
        return parts.count == 1 || (parts[1].count == 4 && parts[1].allSatisfy(\.isNumber))
    }
}

/// Problems with a form, by field name, in words a person understands.
public struct FieldProblems: Error, Sendable, Equatable {
    public private(set) var byField: [String: String] = [:]
    public init() {}
    public subscript(field: String) -> String? {
        get { byField[field] }
        set { byField[field] = newValue }
    }
    public var isEmpty: Bool { byField.isEmpty }
}
