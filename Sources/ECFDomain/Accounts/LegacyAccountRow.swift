import Foundation

/// One row of a legacy-account import: `username,firstName,lastName,email,createdAt[,passwordBcrypt]`.
public struct LegacyAccountRow: Sendable, Equatable {
    public static let requiredHeader = ["username", "firstName", "lastName", "email", "createdAt"]

    public let username: Username
    public let firstName: String
    public let lastName: String
    public let email: EmailAddress
    public let createdAt: Date
    /// A bcrypt hash carried over from the old system; without it a one-time password is mailed.
    public let passwordBcrypt: String?

    /// Reads a row by the header's column names; every problem is named, in words.
    public static func parse(_ fields: [String], header: [String]) -> Result<LegacyAccountRow, RowProblems> {
        var problems: [String] = []
        func value(_ name: String) -> String {
            guard let index = header.firstIndex(of: name), index < fields.count else { return "" }
            return fields[index].trimmingCharacters(in: .whitespaces)
        }
        if fields.count != header.count {
            problems.append("has \(fields.count) fields where the header has \(header.count)")
        }
        let username = Username(value("username"))
        if username == nil { problems.append("username \"\(value("username"))\" is not \(Username.rule)") }
        let first = value("firstName")
        let last = value("lastName")
        if first.isEmpty { problems.append("firstName is empty") }
        if last.isEmpty { problems.append("lastName is empty") }
        let email = EmailAddress(value("email"))
        if email == nil { problems.append("email \"\(value("email"))\" is not an e-mail address") }
        let createdText = value("createdAt")
        let created =
            (try? Date(createdText, strategy: .iso8601))
            ?? DateOnly(iso: createdText)?.startOfDay(in: TimeZone(identifier: "America/Chicago")!)
        if created == nil { problems.append("createdAt \"\(createdText)\" is not a date (YYYY-MM-DD or ISO 8601)") }
        let hash = value("passwordBcrypt")
        if !hash.isEmpty, !Self.looksLikeBcrypt(hash) {
            problems.append("passwordBcrypt is not a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters)")
        }
        guard problems.isEmpty, let username, let email, let created else { return .failure(RowProblems(problems)) }
        return .success(
            LegacyAccountRow(
                username: username, firstName: first, lastName: last, email: email, createdAt: created,
                passwordBcrypt: hash.isEmpty ? nil : hash))
    }

    static func looksLikeBcrypt(_ text: String) -> Bool {
        text.count == 60 && ["$2a$", "$2b$", "$2y$"].contains(where: text.hasPrefix)
    }
}

public struct RowProblems: Error, Equatable, Sendable {
    public let problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
}
