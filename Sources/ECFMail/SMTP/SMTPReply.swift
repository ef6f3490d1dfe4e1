/// A server reply: a three-digit code and its text lines.
struct SMTPReply: Sendable, CustomStringConvertible {
    let code: Int
    let lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isPermanentFailure: Bool { (500..<600).contains(code) }
    var description: String { "\(code) \(lines.joined(separator: " / "))" }
}
