/// JSON's strings and numbers as Foundation's `JSONEncoder` writes them, for answers sent so often
/// that the encoder's containers count (a billed view's outbox message, a locator search).
public enum JSONText {
    /// Appends `text` quoted, with `"`, `\`, the control characters (`\b`, `\f`, `\n`, `\r`, `\t`,
    /// the rest `\u00XX`) and, unless told not to (the encoder's `.withoutEscapingSlashes`), `/`
    /// escaped as the encoder escapes them; everything else as its UTF-8.
    public static func append(_ text: String, to json: inout [UInt8], escapingSlashes: Bool = true) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                json += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "/"):
                if escapingSlashes { json.append(UInt8(ascii: "\\")) }
                json.append(byte)
            case 0x08: json += Array("\\b".utf8)
            case 0x0C: json += Array("\\f".utf8)
            case 0x0A: json += Array("\\n".utf8)
            case 0x0D: json += Array("\\r".utf8)
            case 0x09: json += Array("\\t".utf8)
            case ..<0x20: json += Array("\\u00".utf8) + Array(Hex.string([byte]).utf8)
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    /// Appends a finite double as the encoder writes it: its shortest form, without a trailing
    /// `.0`.
    public static func append(_ value: Double, to json: inout [UInt8]) {
        let text = value.description
        json += text.hasSuffix(".0") ? Array(text.utf8.dropLast(2)) : Array(text.utf8)
    }

    /// Appends an integer.
    public static func append(_ value: Int, to json: inout [UInt8]) {
        json += Array(String(value).utf8)
    }

    /// Appends a member's key, `"name":`, after the object's `{` when it is its first member, else
    /// after a comma.
    public static func key(_ name: StaticString, first: Bool, to json: inout [UInt8]) {
        raw(first ? "{\"" : ",\"", to: &json)
        raw(name, to: &json)
        raw("\":", to: &json)
    }

    /// Appends text that needs no escaping: the punctuation and keys between the values.
    public static func raw(_ text: StaticString, to json: inout [UInt8]) {
        json += UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }
}
