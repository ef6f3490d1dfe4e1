import Foundation

/// A court's id as PACER and courts-db spell it: lower-case letters and digits, such as `cacd`,
/// `cacb`, `nysd` or `ca9`.
public struct CourtID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Reads what a person typed: surrounding space and upper case are forgiven; anything but
    /// letters and digits is not a court id.
    public init?(typed text: String) {
        let id = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !id.isEmpty, id.count <= 16, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        self.rawValue = id
    }

    public var description: String { rawValue }

    public static func < (lhs: CourtID, rhs: CourtID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
