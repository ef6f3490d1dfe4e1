import Foundation

/// What a filing's text shows that Rule 5.2 says must be redacted, found before it is filed.
///
/// Source: Fed. R. Civ. P. 5.2(a) (and Fed. R. Crim. P. 49.1, Fed. R. Bankr. P. 9037): a filing may
/// include only the last four digits of a social-security or taxpayer-identification number, the
/// year of an individual's birth, a minor's initials, and the last four digits of a
/// financial-account number. None of the real systems checks this; OpenECF warns, and the filer
/// must acknowledge the redaction responsibility before submitting.
public enum RedactionCheck {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case socialSecurityNumber
        case taxpayerIdentificationNumber
        case birthDate
        case financialAccountNumber
        case minorName

        /// What the filer is told.
        public var advice: String {
            switch self {
            case .socialSecurityNumber: "A full Social Security number: keep only the last four digits."
            case .taxpayerIdentificationNumber: "A full taxpayer-identification number: keep only the last four digits."
            case .birthDate: "A full date of birth: keep only the year."
            case .financialAccountNumber: "A full financial-account number: keep only the last four digits."
            case .minorName: "The full name of a minor: use the minor's initials."
            }
        }
    }

    /// One thing to redact: where it is and a masked excerpt (the check never repeats the number).
    public struct Hit: Sendable, Equatable, Codable {
        public let kind: Kind
        /// 1-based page number.
        public let page: Int
        public let excerpt: String
    }

    /// Checks each page's text. Minors' names are looked for only when the case type makes them
    /// likely (the court's setting for the case's nature of suit).
    public static func scan(pages: [String], lookForMinors: Bool = false) -> [Hit] {
        scan(pages: pages, lookForMinors: lookForMinors, everyPattern: false)
    }

    /// `everyPattern`: run each pattern on every page, even those whose needs a page does not
    /// meet (the tests' reference).
    static func scan(pages: [String], lookForMinors: Bool, everyPattern: Bool) -> [Hit] {
        var hits: [Hit] = []
        for (index, text) in pages.enumerated() {
            let page = index + 1
            let needs = everyPattern ? nil : PageNeeds(text)
            func mayMatch(_ name: PatternName?) -> Bool {
                guard let name, let needs else { return true }
                return Self.mayMatch(name, needs)
            }
            func add(
                _ kind: Kind, _ name: PatternName?, _ pattern: NSRegularExpression,
                _ excerpt: (String) -> String
            ) {
                guard mayMatch(name) else { return }
                for found in matches(pattern, in: text) {
                    hits.append(Hit(kind: kind, page: page, excerpt: excerpt(found)))
                }
            }
            add(.socialSecurityNumber, .ssn, ssn, mask)
            add(.socialSecurityNumber, .labelledSSN, labelledSSN, mask)
            add(.taxpayerIdentificationNumber, .tin, tin, mask)
            add(.birthDate, .birthDate, birthDate, maskDate)
            for found in mayMatch(.cardLike) ? matches(cardLike, in: text) : [] {
                let digits = found.filter(\.isNumber)
                if (13...19).contains(digits.count), luhn(digits) {
                    hits.append(Hit(kind: .financialAccountNumber, page: page, excerpt: mask(found)))
                }
            }
            add(.financialAccountNumber, .labelledAccount, labelledAccount, mask)
            if lookForMinors {
                add(.minorName, nil, minorAfter, maskName)
                add(.minorName, nil, minorBefore, maskName)
            }
        }
        return hits
    }

    static func matches(_ pattern: NSRegularExpression, in text: String) -> [String] {
        let whole = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: whole).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    static func pattern(_ text: String) -> NSRegularExpression { try! NSRegularExpression(pattern: text) }

    // Area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
    static let ssn = pattern(#"(?<![\d-])(?!000|666|9\d\d)\d{3}[- ](?!00)\d{2}[- ](?!0000)\d{4}(?![\d-])"#)
    static let labelledSSN = pattern(
        #"(?i)(?:ssn|social security (?:no\.?|number|#))[:#\s]*(?!000|666|9\d\d)\d{9}(?!\d)"#)
    static let tin = pattern(#"(?<![\d-])\d{2}-\d{7}(?![\d-])"#)
    static let birthDate = pattern(
        #"(?i)(?:born(?: on)?|date of birth|birth ?date|d\.?o\.?b\.?)[:\s,]*(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})"#
    )
    static let cardLike = pattern(#"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)"#)
    static let labelledAccount = pattern(
        #"(?i)(?:account|acct\.?)(?: (?:no\.?|number|#))?[:#\s]*\d[\d -]{6,}\d"#)
    static let minorAfter = pattern(#"\b[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+, (?:a|the|a |)minor\b"#)
    static let minorBefore = pattern(
        #"\b(?:minor|minor child|minor son|minor daughter),? [A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+\b"#)

    /// The Luhn checksum that card and many account numbers carry.
    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// Every digit but the last four becomes `*`.
    static func mask(_ text: String) -> String {
        let total = text.filter(\.isNumber).count
        var seen = 0
        return String(
            text.map { character in
                guard character.isNumber else { return character }
                seen += 1
                return seen <= total - 4 ? "*" : character
            })
    }

    /// Every digit but a four-digit year becomes `*`.
    ///
    /// Character by character: the year's place in the text is not its place in the masked copy
    /// when a digit takes more than one byte (a full-width `１９８０` replaced in the copy at the
    /// text's byte offsets crashed the check).
    static func maskDate(_ text: String) -> String {
        let year = matches(pattern(#"\d{4}"#), in: text).first.flatMap { text.range(of: $0) }
        var masked = ""
        for index in text.indices {
            let character = text[index]
            masked.append(year?.contains(index) == true || !character.isNumber ? character : "*")
        }
        return masked
    }

    /// A name becomes its initials: "John Doe, a minor" → "J. D., a minor".
    static func maskName(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let comma = word.last == ","
            let bare = comma ? word.dropLast() : word[...]
            guard let first = bare.first, first.isUppercase, bare.count > 1, bare.dropFirst().allSatisfy(\.isLowercase)
            else { return String(word) }
            return "\(first)." + (comma ? "," : "")
        }.joined(separator: " ")
    }
}
