import ECFDomain
import Foundation

/// Renders an `OutgoingMail` as an RFC 5322 message: a `multipart/alternative` with a plain-text
/// and an HTML part when there is HTML, otherwise plain text. Bodies are quoted-printable, lines
/// end in CRLF, and headers with non-ASCII text are RFC 2047 encoded.
public struct MIMEMessage: Sendable {
    public let mail: OutgoingMail
    public let date: Date
    let boundary: String

    public init(_ mail: OutgoingMail, date: Date) {
        self.mail = mail
        self.date = date
        // Derived from the Message-ID, so the same message renders to the same bytes every time.
        let seed = mail.messageID.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
        self.boundary = "=_openecf_" + String(String.UnicodeScalarView(seed).prefix(40))
    }

    public func rendered() -> String {
        var headers: [(String, String)] = [
            ("From", Self.address(mail.from)),
            ("To", mail.to.map(Self.address).joined(separator: ", ")),
        ]
        if !mail.cc.isEmpty { headers.append(("Cc", mail.cc.map(Self.address).joined(separator: ", "))) }
        headers += [
            ("Subject", HeaderEncoding.encode(mail.subject)),
            ("Date", Self.rfc5322Date(date)),
            ("Message-ID", mail.messageID),
            ("MIME-Version", "1.0"),
        ]
        var lines = headers.map { "\($0.0): \($0.1)" }
        if let html = mail.htmlBody {
            lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("This is a multi-part message in MIME format.")
            lines.append("--\(boundary)")
            lines += Self.part(mail.textBody, type: "text/plain")
            lines.append("--\(boundary)")
            lines += Self.part(html, type: "text/html")
            lines.append("--\(boundary)--")
            lines.append("")
        } else {
            lines += Self.part(mail.textBody, type: "text/plain")
        }
        return lines.joined(separator: "\r\n")
    }

    static func part(_ body: String, type: String) -> [String] {
        [
            "Content-Type: \(type); charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(body),
        ]
    }

    static func address(_ address: EmailAddress) -> String {
        guard let name = address.displayName else { return address.address }
        if name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ") }) {
            return "\(name) <\(address.address)>"
        }
        if name.allSatisfy({ $0.isASCII }) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address.address)>"
        }
        return "\(HeaderEncoding.encode(name)) <\(address.address)>"
    }

    static func rfc5322Date(_ date: Date) -> String {
        DateFormats.string(date, "EEE, d MMM yyyy HH:mm:ss Z", in: TimeZone(identifier: "UTC")!)
    }
}
