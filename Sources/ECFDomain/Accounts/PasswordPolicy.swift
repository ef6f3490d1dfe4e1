/// What a new password must be.
///
/// Source: NIST SP 800-63B §5.1.1.2 (memorized secrets): at least 14 characters here (NIST's
/// floor is 8; the PACER Service Center asks for more), at most 128, any characters, no
/// composition rules, not a common or compromised value, and not containing the account's own
/// username, name or e-mail address.
public enum PasswordPolicy {
    public static let minimumLength = 14
    public static let maximumLength = 128
    /// The rule in one sentence, for forms.
    public static let rule =
        "Use \(minimumLength) to \(maximumLength) characters, not a common password and not your name, login or e-mail."

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case tooShort
        case tooLong
        case common
        case containsPersonalInformation(String)

        public var description: String {
            switch self {
            case .tooShort:
                "Use at least \(PasswordPolicy.minimumLength) characters. A few unrelated words make a long password that is easy to remember."
            case .tooLong: "Use at most \(PasswordPolicy.maximumLength) characters."
            case .common: "This password is too common, so it is among the first that attackers try. Choose another."
            case .containsPersonalInformation(let what): "Do not use your \(what) in your password."
            }
        }
    }

    /// The first problem with `password` for this person, or `nil` when it is acceptable.
    public static func check(
        _ password: String, username: String?, firstName: String?, lastName: String?, email: String?
    ) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        let lower = password.lowercased()
        if let username, username.count >= 3, lower.contains(username.lowercased()) {
            return .containsPersonalInformation("username")
        }
        if let email {
            let local = email.split(separator: "@").first.map(String.init)?.lowercased() ?? ""
            if lower.contains(email.lowercased()) || (local.count >= 3 && lower.contains(local)) {
                return .containsPersonalInformation("e-mail address")
            }
        }
        for name in [firstName, lastName].compactMap({ $0 }) where name.count >= 3 {
            if lower.contains(name.lowercased()) { return .containsPersonalInformation("name") }
        }
        if CommonPasswords.contains(password) { return .common }
        return nil
    }
}
