import ECFDomain
import ECFServices
import Foundation

/// `POST /api/v1/pacer/accounts`: every field optional here, so that a missing one is reported
/// with the others, by field, rather than as a parse error.
struct RegistrationRequest: Decodable {
    var username, password, firstName, lastName, email, dateOfBirth: String?
    var street, city, state, postalCode, county, userType: String?
    var affirmsIndividual: Bool?

    var form: RegistrationForm {
        RegistrationForm(
            username: username ?? "", password: password ?? "", firstName: firstName ?? "", lastName: lastName ?? "",
            email: email ?? "", dateOfBirth: dateOfBirth ?? "", street: street ?? "", city: city ?? "",
            state: state ?? "", postalCode: postalCode ?? "", county: county ?? "", userType: userType ?? "",
            affirmsIndividual: affirmsIndividual ?? false)
    }
}

struct AccountCreatedDTO: Encodable {
    let id: String
    let username: String
    let status: String

    init(_ account: PacerAccount) {
        id = account.id.description
        username = account.username.rawValue
        status = account.status.rawValue
    }
}

struct TokenRequest: Decodable {
    let token: String
}

struct SessionRequest: Decodable {
    let username: String
    let password: String
    let otp: String?
}

struct SessionDTO: Encodable {
    let token: String
    let expiresAt: Date
}

/// `GET /api/v1/pacer/account`: Manage My Account, for programs.
struct AccountDTO: Encodable {
    let id: String
    let username: String
    let firstName: String
    let lastName: String
    let email: String
    let emailVerified: Bool
    let dateOfBirth: String?
    let address: PostalAddress?
    let userType: String?
    let legacy: Bool
    let createdAt: Date
    let upgradedAt: Date?
    let mfaEnabled: Bool
    let status: String
    let courts: [String]

    init(_ account: PacerAccount, mfaEnabled: Bool) {
        id = account.id.description
        username = account.username.rawValue
        firstName = account.firstName
        lastName = account.lastName
        email = account.email.address
        emailVerified = account.emailVerifiedAt != nil
        dateOfBirth = account.dateOfBirth?.description
        address = account.address
        userType = account.userType?.rawValue
        legacy = account.isLegacy
        createdAt = account.createdAt
        upgradedAt = account.upgradedAt
        self.mfaEnabled = mfaEnabled
        status = account.status.rawValue
        courts = []
    }
}

struct PasswordResetRequest: Decodable {
    let usernameOrEmail: String
}

struct PasswordResetConfirmation: Decodable {
    let token: String
    let newPassword: String
}

struct UsernameReminderRequest: Decodable {
    let email: String
}

/// The one answer to "forgot password" and "forgot username", whatever happened.
struct AcceptedDTO: Encodable {
    let status = "accepted"
    let message: String
}

/// `POST /api/v1/pacer/account/upgrade`; the street address is optional.
struct UpgradeRequest: Decodable {
    var dateOfBirth, county, userType, newPassword: String?
    var street, city, state, postalCode: String?

    var form: UpgradeAccount.Form {
        UpgradeAccount.Form(
            dateOfBirth: dateOfBirth ?? "", street: street ?? "", city: city ?? "", state: state ?? "",
            postalCode: postalCode ?? "", county: county ?? "", userType: userType ?? "", newPassword: newPassword ?? ""
        )
    }
}

struct EnrolRequest: Decodable {
    let password: String?
    let name: String?
}

struct EnrolmentDTO: Encodable {
    let secret: String
    let otpauthUri: String
}

struct CodeRequest: Decodable {
    let code: String?
}

struct BackupCodesDTO: Encodable {
    let backupCodes: [String]
}

struct PasswordChangeRequest: Decodable {
    let currentPassword: String?
    let newPassword: String?
}
