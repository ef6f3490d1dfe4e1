/// Where a run of bytes first starts among others, compared byte by byte: a `String`'s own search
/// compares characters, and the generic search over its UTF-8 view is no faster (BENCHMARKS.md
/// P1). For ASCII marks and labels in UTF-8 text.
public enum ByteSearch {
    /// Where `needle` first starts in `bytes` at or after `start`; nil when it is not there (or
    /// is empty).
    public static func offset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
