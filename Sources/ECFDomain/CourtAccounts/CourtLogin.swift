import Foundation

/// A court CM/ECF login name: 3 to 40 letters, digits, dots, hyphens or underscores, starting with
/// a letter or digit. Logins compare without regard to case.
public struct CourtLogin: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let rule = "3 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit"

    public init?(_ text: String) {
        // Most logins (every one read back from the database) are plain ASCII with nothing to
        // trim: checked byte by byte, without Foundation's trimming or Unicode properties.
        let bytes = text.utf8
        if (3...40).contains(bytes.count), let first = bytes.first, Self.isLetterOrDigit(first),
            bytes.allSatisfy({
                Self.isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "_")
            })
        {
            rawValue = text
            return
        }
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

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The form logins are compared and stored unique in.
    public var canonical: String { rawValue.lowercased() }
    public var description: String { rawValue }
}
