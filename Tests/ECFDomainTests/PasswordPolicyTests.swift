import ECFDomain
import Foundation
import Testing

@Suite("Password policy (NIST SP 800-63B)")
struct PasswordPolicyTests {
    func check(_ password: String) -> PasswordPolicy.Problem? {
        PasswordPolicy.check(
            password, username: "jdoe2026", firstName: "Jane", lastName: "Doe", email: "jane.doe@example.org")
    }

    @Test func acceptsALongPassphraseWithoutCompositionRules() {
        #expect(check("correct horse battery staple") == nil)
        #expect(check("tulip lantern quarry oboe") == nil)
        #expect(check("ÉtéÀParisEnAoût2026") == nil)
    }

    @Test func refusesShortAndOverlongPasswords() {
        #expect(check("Sh0rt!Pass") == .tooShort)
        #expect(check(String(repeating: "abcdefgh", count: 17)) == .tooLong)
        #expect(PasswordPolicy.Problem.tooShort.description.contains("14"))
    }

    @Test(arguments: [
        "passwordpassword", "1qaz2wsx3edc4rfv", "Password1234567!", "qwertyuiopasdfgh", "aaaaaaaaaaaaaaaa",
        "abababababababab",
    ])
    func refusesCommonPasswords(_ password: String) {
        #expect(check(password) == .common, "\(password)")
    }

    @Test func refusesTheAccountsOwnDetails() {
        #expect(check("my username is jdoe2026 ok") == .containsPersonalInformation("username"))
        #expect(check("hello jane how are you") == .containsPersonalInformation("name"))
        #expect(check("jane.doe@example.org!!") == .containsPersonalInformation("e-mail address"))
    }
}

@Suite("Legacy accounts and identities")
struct AccountRulesTests {
    @Test func accountsIssuedBeforeAugust2014AreLegacyUntilUpgraded() throws {
        let before = try Date("2012-05-01T12:00:00Z", strategy: .iso8601)
        let after = try Date("2014-08-12T12:00:00Z", strategy: .iso8601)
        #expect(LegacyAccounts.isLegacy(createdAt: before, upgradedAt: nil))
        #expect(!LegacyAccounts.isLegacy(createdAt: before, upgradedAt: Date()))
        #expect(!LegacyAccounts.isLegacy(createdAt: after, upgradedAt: nil))
    }

    @Test func plusAliasesAreOneMailbox() {
        #expect(EmailAddress("Jane.Doe+pacer@Example.org")!.canonical == "jane.doe@example.org")
        #expect(EmailAddress("jane.doe@example.org")!.canonical == "jane.doe@example.org")
    }

    @Test(arguments: ["jdoe12", "Jane.Doe-2026", "a_b_c_d"]) func acceptsUsernames(_ text: String) {
        #expect(Username(text)?.rawValue == text)
    }

    @Test(arguments: [
        "jdoe", "-jdoe12", "jane doe", "jäne123", String(repeating: "a", count: 33), "jdoe1\u{301}2", "jdoe12\u{0}",
        " jdoe ", "jdoe12/",
    ])
    func refusesUsernames(_ text: String) {
        #expect(Username(text) == nil)
    }

    /// Space around a username is forgiven (a typed one), space or anything else within it is
    /// not; at 32 characters it still is one.
    @Test func aTypedUsernameIsTrimmed() {
        #expect(Username("  Jane.Doe-2026\t")?.rawValue == "Jane.Doe-2026")
        #expect(Username("\u{A0}jdoe12")?.rawValue == "jdoe12")
        #expect(Username(String(repeating: "a", count: 32))?.rawValue == String(repeating: "a", count: 32))
        #expect(Username("9_______")?.rawValue == "9_______")
        #expect(Username("_jdoe12") == nil && Username(".jdoe12") == nil)
    }

    @Test func datesOfBirthMustExist() {
        #expect(DateOnly(iso: "1981-02-29") == nil)
        #expect(DateOnly(iso: "1900-02-29") == nil)
        #expect(DateOnly(iso: "2000-02-29") != nil)
        #expect(DateOnly(iso: "1984-02-29")?.description == "1984-02-29")
        #expect(DateOnly(iso: "02/29/1984") == nil)
    }

    @Test func signInsSlowDownThenLock() {
        #expect(SignInThrottle.delay(afterFailures: 2) == 0)
        #expect(SignInThrottle.delay(afterFailures: 3) == 1)
        #expect(SignInThrottle.delay(afterFailures: 5) == 4)
        #expect(SignInThrottle.delay(afterFailures: 50) == 30)
        #expect(!SignInThrottle.locks(afterFailures: 9))
        #expect(SignInThrottle.locks(afterFailures: 10))
    }
}

@Suite("Registration form")
struct RegistrationFormTests {
    let today = DateOnly(year: 2026, month: 11, day: 29)

    var good: RegistrationForm {
        RegistrationForm(
            username: "jdoe2026", password: "tulip lantern quarry oboe", firstName: "Jane", lastName: "Doe",
            email: "jane.doe@example.org", dateOfBirth: "1985-04-12", street: "312 N Spring St", city: "Los Angeles",
            state: "ca", postalCode: "90012", county: "Los Angeles", userType: "attorney", affirmsIndividual: true)
    }

    @Test func aCompleteFormIsValid() throws {
        let valid = try good.validate(today: today).get()
        #expect(valid.username.rawValue == "jdoe2026")
        #expect(valid.address.state == "CA")
        #expect(valid.userType == .attorney)
    }

    @Test func everyProblemIsReportedByField() {
        var form = good
        form.username = "x"
        form.email = "not-an-email"
        form.dateOfBirth = "1985-13-01"
        form.postalCode = "9001"
        form.userType = "judge"
        form.affirmsIndividual = false
        form.password = "short"
        guard case .failure(let problems) = form.validate(today: today) else {
            Issue.record("a bad form was accepted")
            return
        }
        #expect(
            Set(problems.byField.keys)
                == ["username", "email", "dateOfBirth", "postalCode", "userType", "affirmsIndividual", "password"])
        #expect(problems["affirmsIndividual"]?.contains("individual account") == true)
    }
}
