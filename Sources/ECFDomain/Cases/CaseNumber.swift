import Foundation

/// A CM/ECF case number, `O:YY-tt-NNNNN-JJJ-MMM`: office, two-digit year, case type, five-digit
/// sequence (per court, office, year and type), then the initials of the assigned district judge
/// and of the referred magistrate judge when there are any.
///
/// Source: DESIGN.md "Cases, filings, docket", after CM/ECF's docket headers
/// ("CIVIL DOCKET FOR CASE #: 2:20-cv-01234-ABC-DEF").
public struct CaseNumber: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let office: Int
    /// The year filed, two digits (`20` for 2020).
    public let year: Int
    public let type: CaseType
    public let sequence: Int
    public let assignedJudge: String?
    public let referredJudge: String?

    public init?(
        office: Int, year: Int, type: CaseType, sequence: Int, assignedJudge: String? = nil,
        referredJudge: String? = nil
    ) {
        guard (0...9).contains(office), (0...99).contains(year), (1...99_999).contains(sequence),
            assignedJudge.map(Self.isInitials) ?? true, referredJudge.map(Self.isInitials) ?? true,
            referredJudge == nil || assignedJudge != nil
        else { return nil }
        self.office = office
        self.year = year
        self.type = type
        self.sequence = sequence
        self.assignedJudge = assignedJudge
        self.referredJudge = referredJudge
    }

    /// Reads the number exactly as CM/ECF prints it: `2:20-cv-01234`, `2:20-cv-01234-ABC` or
    /// `2:20-cv-01234-ABC-DEF` (type letters in either case).
    public init?(_ text: String) {
        // A stored number, as `description` wrote it, is read byte by byte (every case read
        // parses its number: 0.7% of a docket report's CPU, BENCHMARKS.md P1); anything else as
        // a person may type it.
        if let printed = Self.printed(text.utf8) {
            self = printed
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let halves = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard halves.count == 2, halves[0].count == 1, let office = Int(halves[0]) else { return nil }
        let parts = halves[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (3...5).contains(parts.count), parts[0].count == 2, parts[0].allSatisfy(\.isASCII),
            let year = Int(parts[0]), let type = CaseType(rawValue: parts[1].lowercased()), parts[2].count == 5,
            parts[2].allSatisfy({ $0.isASCII && $0.isNumber }), let sequence = Int(parts[2])
        else { return nil }
        self.init(
            office: office, year: year, type: type, sequence: sequence,
            assignedJudge: parts.count > 3 ? parts[3] : nil, referredJudge: parts.count > 4 ? parts[4] : nil)
    }

    /// `text` exactly as `description` writes a number (`2:20-cv-01234-ABC-DEF`, no space, the
    /// type in lower case), or nil for anything else, which the text reader then reads.
    private static func printed(_ text: String.UTF8View) -> CaseNumber? {
        let bytes = Array(text)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        guard bytes.count >= 13, let office = digits(0..<1), bytes[1] == UInt8(ascii: ":"), let year = digits(2..<4),
            bytes[4] == dash, let typeEnd = bytes[5...].firstIndex(of: dash), typeEnd > 5,
            bytes[5..<typeEnd].allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
            let type = CaseType(rawValue: String(decoding: bytes[5..<typeEnd], as: UTF8.self)),
            let sequence = digits(typeEnd + 1..<typeEnd + 6)
        else { return nil }
        var judges: [String] = []
        var next = typeEnd + 6
        while next < bytes.count {
            guard bytes[next] == dash, judges.count < 2 else { return nil }
            let end = bytes[(next + 1)...].firstIndex(of: dash) ?? bytes.count
            judges.append(String(decoding: bytes[(next + 1)..<end], as: UTF8.self))
            next = end
        }
        return CaseNumber(
            office: office, year: year, type: type, sequence: sequence, assignedJudge: judges.first,
            referredJudge: judges.count > 1 ? judges[1] : nil)
    }

    /// `2:20-cv-01234-ABC-DEF`
    public var description: String {
        var text = base
        if let assignedJudge { text += "-\(assignedJudge)" }
        if let referredJudge { text += "-\(referredJudge)" }
        return text
    }

    /// `2:20-cv-01234`, without the judges: what stays the same when a case is reassigned.
    public var base: String {
        String(office) + ":" + Digits.padded(year, 2) + "-" + type.rawValue + "-" + Digits.padded(sequence, 5)
    }

    public static func < (lhs: CaseNumber, rhs: CaseNumber) -> Bool { lhs.description < rhs.description }

    /// Judge initials: two to four capital letters.
    static func isInitials(_ text: String) -> Bool {
        (2...4).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
