import Foundation

/// Passwords too common to protect anything.
///
/// Source: NIST SP 800-63B §5.1.1.2 — a new password is compared against a list of values known
/// to be commonly used, expected or compromised; the list is zxcvbn's password frequency list
/// (see `scripts/generate_common_passwords.py`).
public enum CommonPasswords {
    private static let set: Set<Substring> = Set(list.split(separator: "\n"))

    /// Whether the password is a common one, or a common one padded with digits or punctuation
    /// (`password1234567!`), or a shorter string repeated (`passwordpassword`), or a run along the
    /// keyboard or the alphabet (`qwertyuiopasdfgh`).
    public static func contains(_ password: String) -> Bool {
        let lower = password.lowercased()
        if set.contains(Substring(lower)) { return true }
        if isRepetition(Array(lower)) || isSequence(lower) { return true }
        let core = lower.trimmingCharacters(in: .decimalDigitsAndPunctuation)
        if core.count >= 8, set.contains(Substring(core)) { return true }
        return false
    }

    static func isRepetition(_ characters: [Character]) -> Bool {
        guard characters.count > 1 else { return true }
        for length in 1...(characters.count / 2) where characters.count % length == 0 {
            let unit = characters[0..<length]
            if stride(from: length, to: characters.count, by: length).allSatisfy({
                characters[$0..<($0 + length)] == unit
            }) {
                return true
            }
        }
        return false
    }

    private static let sequences = [
        "qwertyuiopasdfghjklzxcvbnm", "1234567890", "abcdefghijklmnopqrstuvwxyz",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    ]

    static func isSequence(_ lower: String) -> Bool {
        sequences.contains { $0.contains(lower) || String($0.reversed()).contains(lower) }
    }
}

extension CharacterSet {
    fileprivate static let decimalDigitsAndPunctuation = CharacterSet.decimalDigits
        .union(.punctuationCharacters).union(.symbols).union(.whitespaces)
}
