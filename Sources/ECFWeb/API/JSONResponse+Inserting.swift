import Foundation

extension JSONResponse {
    /// `object`, a JSON object as `encode` writes it (keys sorted, no spaces), with one more
    /// member where its sorted keys put it: the bytes `encode` writes for the object with that
    /// member, without encoding the whole object again. A billed answer is measured without its
    /// receipt and then sent with it; encoding it twice was a twentieth of a locator search's time
    /// (BENCHMARKS.md P4). Nil adds nothing, as `encode` leaves out a nil member.
    static func inserting(_ key: String, _ value: (some Encodable)?, into object: Data) throws -> Data {
        guard let value else { return object }
        let bytes = [UInt8](object)
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            throw EncodingError.invalidValue(
                object, .init(codingPath: [], debugDescription: "a member can only be added to a JSON object"))
        }
        let member = Array("\"\(key)\":".utf8) + [UInt8](try encode(value))
        let at = firstKey(after: Array(key.utf8), in: bytes)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + member.count + 1)
        if let at {
            result += bytes[..<at]
            result += member
            result.append(UInt8(ascii: ","))
            result += bytes[at...]
        } else {
            // Sliced, not `dropLast()`, which here was Sequence's, copying byte by byte.
            result += bytes[..<(bytes.count - 1)]
            if bytes.count > 2 { result.append(UInt8(ascii: ",")) }
            result += member
            result.append(UInt8(ascii: "}"))
        }
        return Data(result)
    }

    /// Where the first of the object's own keys that sorts after `key` begins (its opening
    /// quote); nil when none does. Nested objects and strings are skipped over.
    private static func firstKey(after key: [UInt8], in bytes: [UInt8]) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var expectingKey = false
        var keyStart: Int?
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if let start = keyStart {
                        // Sorted byte by byte, as `encode` sorts them (capitals first).
                        if key.lexicographicallyPrecedes(bytes[(start + 1)..<index]) { return start }
                        keyStart = nil
                    }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if depth == 1, expectingKey {
                    keyStart = index
                    expectingKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth == 1 { expectingKey = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectingKey = true }
            default: break
            }
        }
        return nil
    }
}
