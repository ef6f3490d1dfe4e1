import ECFDomain

/// Finds marks (ASCII, such as `<!--entries-->`) in rendered HTML by its bytes (`ByteSearch`): a
/// `String`'s own search took a seventh of a docket report's time (BENCHMARKS.md P1).
enum UTF8Marks {
    /// The text before the first mark, between each mark and the next, and after the last: one
    /// part more than there are marks. Nil when a mark is missing (marks are looked for in order,
    /// each after the one before).
    static func split(_ text: String, at marks: [String]) -> [String]? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var parts: [String] = []
            var start = 0
            for mark in marks {
                guard let at = ByteSearch.offset(of: Array(mark.utf8), in: bytes, from: start) else { return nil }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
                start = at + mark.utf8.count
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        } ?? nil
    }
}
