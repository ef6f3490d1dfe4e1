import ECFApp
import Foundation

/// Reads the `.eml` files the server writes when it has no SMTP server: the tests follow mailed
/// links as a person would.
enum MailFiles {
    /// The decoded text of a message to `address` (in To or Cc) that mentions `subject`.
    static func waitForMessage(
        to address: String, subject: String, in config: AppConfig, timeout: Duration = .seconds(10)
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let directory = config.mailDirectory
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names where name.hasSuffix(".eml") {
                let raw = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                let text = decodeQuotedPrintable(raw)
                let headers = (text.components(separatedBy: "\r\n\r\n").first ?? text).components(separatedBy: "\r\n")
                let addressed = headers.contains {
                    ($0.hasPrefix("To: ") || $0.hasPrefix("Cc: ")) && $0.contains(address)
                }
                if addressed && text.contains(subject) { return text }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw MailNotFound(address: address, subject: subject)
    }

    /// How many messages to `address` (in To, not Cc) have `subject` in their subject line.
    static func count(to address: String, subject: String, in config: AppConfig) throws -> Int {
        let directory = config.mailDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.filter { name in
            let text = decodeQuotedPrintable(
                try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            let headers = text.components(separatedBy: "\r\n\r\n").first ?? text
            let lines = headers.components(separatedBy: "\r\n")
            let to = lines.first { $0.hasPrefix("To: ") } ?? ""
            let subjectLine = lines.first { $0.hasPrefix("Subject: ") } ?? ""
            return to.contains(address) && subjectLine.contains(subject)
        }.count
    }

    struct MailNotFound: Error {
        let address: String
        let subject: String
    }

    /// The document link of a Notice of Electronic Filing's plain-text part, as a path with its query.
    static func documentLink(in raw: String) -> String? {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let range = text.range(of: "Open this URL to view the document:\n") else { return nil }
        let url = text[range.upperBound...].prefix { !$0.isNewline }
        guard let path = url.range(of: "/ecf/") else { return nil }
        return String(url[path.lowerBound...])
    }

    /// The value of `name=` in the first link of the plain-text part.
    static func linkParameter(_ name: String, in text: String) -> String? {
        guard let range = text.range(of: "\(name)=") else { return nil }
        let rest = text[range.upperBound...]
        return String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var utf8 = Array(joined.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "="), utf8.count >= 3,
                let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
