import Foundation

/// How a party name is searched: case- and accent-insensitive, by the start of any word of it, so
/// `rivera`, `Rivera` and `Rivéra` find "Sam Rivera", and `north` finds "Northwind Shipping Co.".
///
/// Source: PACER Case Locator user manual, party search ("last name, or the beginning of a last or
/// entity name"; PACER matches without regard to case); accents folded at users' request.
public enum PartyNameKeys {
    /// Lower case, accents removed, anything but letters and digits a single space.
    public static func normalize(_ text: String) -> String {
        if let ascii = normalizeASCII(text) { return ascii }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The same for text that is all ASCII (most docket text), byte by byte: lower case letters
    /// and digits, runs of anything else one space. Nil for any other text.
    static func normalizeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let kept: UInt8? =
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                    default: nil
                    }
                guard let kept else {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                out.append(kept)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The name from each of its words to its end: "Sam Rivera" → "sam rivera", "rivera".
    /// A prefix search over these keys finds the name by the start of any word.
    public static func keys(_ name: String) -> [String] {
        let words = normalize(name).split(separator: " ")
        return words.indices.map { words[$0...].joined(separator: " ") }
    }
}
