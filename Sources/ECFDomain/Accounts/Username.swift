import Foundation

/// A PACER username: 6 to 32 letters, digits, `.`, `-` or `_`, starting with a letter or digit.
/// Usernames are unique without regard to case; legacy accounts keep the 6-character usernames
/// they were issued.
public struct Username: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        // Most usernames, every stored one among them, are already in that form: checked byte by
        // byte, without trimming or reading characters (an account's username is read on every
        // signed-in request: 1.2% of a docket report's CPU, BENCHMARKS.md P1).
        if Self.isPlain(text.utf8) {
            self.rawValue = text
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (6...32).contains(trimmed.count),
            let first = trimmed.first, first.isASCII, first.isLetter || first.isNumber,
            trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
        else { return nil }
        self.rawValue = trimmed
    }

    /// 6 to 32 ASCII letters, digits, `.`, `-` or `_`, the first a letter or digit, and nothing
    /// around them: what the rule below accepts unchanged.
    private static func isPlain(_ bytes: String.UTF8View) -> Bool {
        guard (6...32).contains(bytes.count), let first = bytes.first, isLetterOrDigit(first) else { return false }
        return bytes.allSatisfy {
            isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    /// The form two usernames are compared in.
    public var canonical: String { rawValue.lowercased() }

    public var description: String { rawValue }

    public static let rule = "6 to 32 letters, digits, dots, hyphens or underscores, starting with a letter or digit"
}
