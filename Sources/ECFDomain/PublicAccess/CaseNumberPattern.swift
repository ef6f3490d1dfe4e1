import Foundation

/// A case number as people type it into a search: `2:20-cv-01234`, `2:20cv1234`, `20-1234`,
/// `20-cv-1234`, `2020-1234` or with the judges' initials, read into the parts it names. The
/// parts left out (office, type) match any.
///
/// Source: CM/ECF Query and PACER Case Locator search forms ("yy-nnnnn", "o:yy-tt-nnnnn",
/// with or without dashes and leading zeros).
public struct CaseNumberPattern: Sendable, Equatable {
    public let office: Int?
    public let year: Int
    public let type: CaseType?
    public let sequence: Int

    public init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var office: Int?
        if let colon = rest.firstIndex(of: ":") {
            guard let digit = Int(rest[..<colon]), (0...9).contains(digit),
                rest.distance(from: rest.startIndex, to: colon) == 1
            else { return nil }
            office = digit
            rest = rest[rest.index(after: colon)...]
        }
        let yearDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard yearDigits.count == 2 || yearDigits.count == 4, let fullYear = Int(yearDigits) else { return nil }
        rest = rest.dropFirst(yearDigits.count)
        if rest.first == "-" { rest = rest.dropFirst() }
        let letters = rest.prefix { $0.isASCII && $0.isLetter }
        var type: CaseType?
        if !letters.isEmpty {
            guard let named = CaseType(rawValue: String(letters)) else { return nil }
            type = named
            rest = rest.dropFirst(letters.count)
            if rest.first == "-" { rest = rest.dropFirst() }
        }
        let sequenceDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...5).contains(sequenceDigits.count), let sequence = Int(sequenceDigits), sequence > 0 else {
            return nil
        }
        rest = rest.dropFirst(sequenceDigits.count)
        // What follows may only be the judges' initials: `-abc` or `-abc-def`.
        if !rest.isEmpty {
            let initials = rest.split(separator: "-", omittingEmptySubsequences: false).dropFirst()
            guard rest.first == "-", (1...2).contains(initials.count),
                initials.allSatisfy({ (2...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } })
            else { return nil }
        }
        self.office = office
        self.year = fullYear % 100
        self.type = type
        self.sequence = sequence
    }

    /// The year's two digits and the sequence's five, the two parts every pattern names: the key
    /// of the national locator's index of case numbers (M0025), which a pattern without its
    /// office or type cannot find by the number's beginning.
    public var yearAndSequence: String {
        let digits = String(sequence)
        return (year < 10 ? "0\(year)" : "\(year)") + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// A SQL `LIKE` pattern for the number without judges (`number_base`): `_` for what any
    /// office or type may be.
    public var likePattern: String {
        let officePart = office.map(String.init) ?? "_"
        let typePart = type?.rawValue ?? "__"
        let yearPart = year < 10 ? "0\(year)" : "\(year)"
        let digits = String(sequence)
        return "\(officePart):\(yearPart)-\(typePart)-" + String(repeating: "0", count: max(0, 5 - digits.count))
            + digits
    }
}
