import Foundation

/// A court CM/ECF login name: 3 to 40 letters, digits, dots, hyphens or underscores, starting with
/// a letter or digit. Logins compare without regard to case.
public struct CourtLogin: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let rule = "3 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit"

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (3...40).contains(trimmed.count), let first = trimmed.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first),
            trimmed.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))
            })
        else { return nil }
        rawValue = trimmed
    }

    /// The form logins are compared and stored unique in.
    public var canonical: String { rawValue.lowercased() }
    public var description: String { rawValue }
}
