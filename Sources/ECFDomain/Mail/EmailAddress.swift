/// An e-mail address with an optional display name, checked well enough to be sent to: one `@`,
/// a non-empty local part, a domain with no spaces, nothing that could break a mail header.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let address: String
    public let displayName: String?

    public init?(_ address: String, displayName: String? = nil) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            address.count <= 254,
            address.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[],;:\\\"".contains($0) }),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return nil }
        if let displayName, displayName.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { return nil }
        self.address = address
        self.displayName = displayName
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
