/// The part of a docket text around the first word a search found, with every found word marked,
/// so a result shows why it matched without the whole text.
public struct TextSnippet: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public let text: String
        public let match: Bool

        public init(_ text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    public let parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// The whole snippet as plain text.
    public var text: String { parts.map(\.text).joined() }

    /// Up to `length` words of `text`, starting a few words before the first one that begins with
    /// a searched word (`words` normalized as `PartyNameKeys.normalize` does), "…" where cut.
    public static func of(_ text: String, words: [String], length: Int = 30) -> TextSnippet {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        for index in text.indices {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { ranges.append(begun..<text.endIndex) }
        let matches = ranges.map { range in
            let word = PartyNameKeys.normalize(String(text[range]))
            return !word.isEmpty && words.contains { word.hasPrefix($0) }
        }
        let first = matches.firstIndex(of: true) ?? 0
        let lower = max(0, min(first - 8, ranges.count - length))
        let upper = min(ranges.count, lower + length)
        guard lower < upper else { return TextSnippet(parts: [Part(text, match: false)]) }
        var parts: [Part] = []
        var cursor = lower == 0 ? text.startIndex : ranges[lower].lowerBound
        if lower > 0 { parts.append(Part("…", match: false)) }
        for index in lower..<upper where matches[index] {
            if cursor < ranges[index].lowerBound {
                parts.append(Part(String(text[cursor..<ranges[index].lowerBound]), match: false))
            }
            parts.append(Part(String(text[ranges[index]]), match: true))
            cursor = ranges[index].upperBound
        }
        let end = upper == ranges.count ? text.endIndex : ranges[upper - 1].upperBound
        if cursor < end { parts.append(Part(String(text[cursor..<end]), match: false)) }
        if upper < ranges.count { parts.append(Part("…", match: false)) }
        return TextSnippet(parts: parts)
    }
}
