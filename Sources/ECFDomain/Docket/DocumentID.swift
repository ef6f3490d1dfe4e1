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

    /// The id of a court's `sequence`th document (1, 2, …): numbered from 10,000,001.
    ///
    /// Source: CourtListener's juriscraper (`AttachmentPage._decrement_attachment_index`) reads
    /// attachment numbers of documents numbered up to a per-court threshold (cacd 9,630,188, nysd
    /// 8,012,889) in CM/ECF's old, off-by-one way; starting above every threshold keeps each
    /// court's attachment page read right.
    public init?(prefix: String, sequence: Int64) {
        guard sequence >= 1 else { return nil }
        self.init(prefix: prefix, number: Self.firstNumber - 1 + sequence)
    }

    public static let firstNumber: Int64 = 10_000_001

    /// Twelve ASCII digits, read byte by byte: every document row read parses its id (2% of a
    /// case query page's CPU as `Character`s, BENCHMARKS.md P4).
    public init?(_ text: String) {
        guard text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    /// CM/ECF's address of the entry's document list (its attachment page): the id with `1` as
    /// its fourth digit (`031110000005` for `031010000005`).
    ///
    /// Source: CM/ECF `doc1` links on docket reports and notices (a `1` in the fourth digit shows
    /// the entry's documents); juriscraper reads either form as the same document.
    public var menuID: String {
        String(rawValue.prefix(3)) + "1" + String(rawValue.dropFirst(4))
    }

    /// Reads an id in either form: the document's own, or its entry's document list (`menuID`).
    public static func read(_ text: String) -> (id: DocumentID, menu: Bool)? {
        guard let id = DocumentID(text), let fourth = text.dropFirst(3).first, fourth == "0" || fourth == "1" else {
            return nil
        }
        return fourth == "1"
            ? (DocumentID(String(text.prefix(3)) + "0" + String(text.dropFirst(4)))!, true) : (id, false)
    }
}
