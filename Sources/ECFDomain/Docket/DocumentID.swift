/// A document's id in CM/ECF style: the court's three-digit prefix, `0`, then eight digits
/// (`031012345678` for cacd).
///
/// Source: DESIGN.md "Cases, filings, docket", after CM/ECF's `doc1` links.
public struct DocumentID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(prefix: String, number: Int64) {
        guard prefix.count == 3, prefix.allSatisfy(\.isNumber), (1...99_999_999).contains(number) else { return nil }
        let digits = String(number)
        rawValue = prefix + "0" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    public init?(_ text: String) {
        guard text.count == 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }
}
