import Foundation

/// How a party name is searched: case- and accent-insensitive, by the start of any word of it, so
/// `rivera`, `Rivera` and `Rivéra` find "Sam Rivera", and `north` finds "Northwind Shipping Co.".
///
/// Source: PACER Case Locator user manual, party search ("last name, or the beginning of a last or
/// entity name"; PACER matches without regard to case); accents folded at users' request.
public enum PartyNameKeys {
    /// Lower case, accents removed, anything but letters and digits a single space.
    public static func normalize(_ text: String) -> String {
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

    /// The name from each of its words to its end: "Sam Rivera" → "sam rivera", "rivera".
    /// A prefix search over these keys finds the name by the start of any word.
    public static func keys(_ name: String) -> [String] {
        let words = normalize(name).split(separator: " ")
        return words.indices.map { words[$0...].joined(separator: " ") }
    }
}
