import ECFDomain
import Foundation
import Testing

@testable import ECFMail

@Suite("Rendering a message")
struct MIMEMessageTests {
    let mail = OutgoingMail(
        messageID: "<1234@openecf.example>",
        from: EmailAddress("noreply@openecf.example", displayName: "OpenECF")!,
        to: [EmailAddress("jane@example.org", displayName: "Doe, Jane")!],
        cc: [EmailAddress("jane.secondary@example.org")!],
        subject: "Activity in Case 2:26-cv-00001 Núñez v. Acme Corp. Complaint",
        textBody: "Line one\n.starts with a dot\nA long line " + String(repeating: "x", count: 100)
            + " end\nSection § 5.2",
        htmlBody: "<p>Section § 5.2</p>")

    var rendered: String { MIMEMessage(mail, date: Date(timeIntervalSince1970: 1_772_848_800)).rendered() }

    @Test func hasTheHeadersAMailReaderNeeds() {
        let text = rendered
        #expect(text.contains("From: OpenECF <noreply@openecf.example>\r\n"))
        #expect(text.contains("To: \"Doe, Jane\" <jane@example.org>\r\n"))
        #expect(text.contains("Cc: jane.secondary@example.org\r\n"))
        #expect(text.contains("Message-ID: <1234@openecf.example>\r\n"))
        #expect(text.contains("Date: Sat, 7 Mar 2026 02:00:00 +0000\r\n"))
        #expect(text.contains("MIME-Version: 1.0\r\n"))
    }

    @Test func encodesANonASCIISubject() {
        let subjectLine = rendered.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }!
        #expect(subjectLine.hasPrefix("Subject: =?UTF-8?B?"))
        let isASCII = rendered.allSatisfy { $0.isASCII }
        #expect(isASCII, "a message on the wire is 7-bit")
    }

    @Test func isMultipartAlternativeWithTextThenHTML() throws {
        let text = rendered
        let textPart = try #require(text.range(of: "Content-Type: text/plain; charset=utf-8"))
        let htmlPart = try #require(text.range(of: "Content-Type: text/html; charset=utf-8"))
        #expect(textPart.lowerBound < htmlPart.lowerBound)
        #expect(text.contains("Content-Type: multipart/alternative;\r\n boundary="))
        #expect(text.contains("Section =C2=A7 5.2"))
    }

    @Test func keepsLinesShortAndEndsThemInCRLF() {
        for line in rendered.components(separatedBy: "\r\n") {
            #expect(line.count <= 76, "[\(line)]")
            #expect(!line.contains("\n"))
        }
    }

    @Test func quotedPrintableRoundTrips() {
        let original = "Trailing space \nTabs\there\n=equals= and ünïcödé " + String(repeating: "y", count: 200)
        #expect(Self.decodeQuotedPrintable(QuotedPrintable.encode(original)) == original)
    }

    @Test func quotedPrintableEncodesByteByByteWithSoftBreaks() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("end \nnext\t") == "end=20\r\nnext=09", "white space ending a line is encoded")
        #expect(QuotedPrintable.encode("é") == "=C3=A9")
        #expect(QuotedPrintable.encode("one\rtwo\r\nthree\n") == "one\r\ntwo\r\nthree\r\n")
        #expect(QuotedPrintable.encode("") == "")
        let long = QuotedPrintable.encode(String(repeating: "x", count: 80))
        #expect(long == String(repeating: "x", count: 75) + "=\r\n" + String(repeating: "x", count: 5))
        // An escape is never cut by a soft break.
        let escapes = QuotedPrintable.encode(String(repeating: "x", count: 74) + "==")
        #expect(escapes == String(repeating: "x", count: 74) + "=\r\n=3D=3D")
    }

    @Test func dotStuffingProtectsTheEndOfData() {
        #expect(SMTPClient.dotStuffed(".first\nmiddle\n.\nlast\n") == "..first\r\nmiddle\r\n..\r\nlast")
        #expect(SMTPClient.dotStuffed(".a\r\n.b\r\n\r\n") == "..a\r\n..b\r\n", "only the last line end is left off")
        #expect(SMTPClient.dotStuffed("one\rtwo\r") == "one\rtwo\r", "a carriage return alone ends no line")
        #expect(SMTPClient.dotStuffed("\r.x\n. é.") == "\r.x\r\n.. é.", "a dot is doubled only first on its line")
        #expect(SMTPClient.dotStuffed("") == "" && SMTPClient.dotStuffed("\n") == "")
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let lines = text.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            var chars = Array(line.utf8)
            let soft = chars.last == UInt8(ascii: "=")
            if soft { chars.removeLast() }
            var i = 0
            while i < chars.count {
                if chars[i] == UInt8(ascii: "="), i + 2 < chars.count + 0,
                    let value = UInt8(String(decoding: chars[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    i += 3
                } else {
                    bytes.append(chars[i])
                    i += 1
                }
            }
            if !soft && index < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
