/// An e-mail address with an optional display name, checked well enough to be sent to: one `@`,
/// a non-empty local part, a domain with no spaces, nothing that could break a mail header.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let address: String
    public let displayName: String?

    public init?(_ address: String, displayName: String? = nil) {
        // Byte by byte: every address read from the database passes here (court accounts on each
        // signed-in request), and walking it as Characters cost more than the rest of the read.
        let bytes = address.utf8
        guard bytes.count <= 254, bytes.allSatisfy(Self.mayAppear),
            let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            at != bytes.startIndex, bytes.index(after: at) != bytes.endIndex,
            !bytes[bytes.index(after: at)...].contains(UInt8(ascii: "@")),
            bytes[bytes.index(after: at)] != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".")
        else { return nil }
        if let displayName, displayName.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { return nil }
        self.address = address
        self.displayName = displayName
    }

    /// Printable ASCII other than a space and the characters that mean something in a mail header.
    private static func mayAppear(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x7E:
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"),
                UInt8(ascii: "\""):
                return false
            default: return true
            }
        default: return false
        }
    }

    /// Reads `Name <a@b.c>` or a bare `a@b.c`.
    public init?(parsing text: String) {
        var text = Substring(text)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            var name = text[..<open]
            while name.last == " " { name.removeLast() }
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = name.dropFirst().dropLast()
            }
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            self.init(String(inner), displayName: name.isEmpty ? nil : String(name))
        } else {
            self.init(String(text))
        }
    }

    public var description: String {
        guard let displayName else { return address }
        return "\(displayName) <\(address)>"
    }
}
