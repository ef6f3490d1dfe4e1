import Foundation

/// A PACER username: 6 to 32 letters, digits, `.`, `-` or `_`, starting with a letter or digit.
/// Usernames are unique without regard to case; legacy accounts keep the 6-character usernames
/// they were issued.
public struct Username: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (6...32).contains(trimmed.count),
            let first = trimmed.first, first.isASCII, first.isLetter || first.isNumber,
            trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
        else { return nil }
        self.rawValue = trimmed
    }

    /// The form two usernames are compared in.
    public var canonical: String { rawValue.lowercased() }

    public var description: String { rawValue }

    public static let rule = "6 to 32 letters, digits, dots, hyphens or underscores, starting with a letter or digit"
}
