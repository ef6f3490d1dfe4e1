import ECFDomain
import Foundation

/// Brings in accounts issued by the old PACER system. Each row is its own transaction: a bad row
/// is reported with its line number and nothing of it is kept; the good rows are imported. An
/// account without a carried-over bcrypt hash gets a one-time password by e-mail.
public struct ImportLegacyAccounts: Sendable {
    public struct Report: Sendable, Equatable {
        public var imported: [String] = []
        /// (line, what is wrong)
        public var rejected: [(line: Int, problem: String)] = []

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.imported == rhs.imported && lhs.rejected.map(\.line) == rhs.rejected.map(\.line)
                && lhs.rejected.map(\.problem) == rhs.rejected.map(\.problem)
        }
    }

    let context: AccountsContext

    public init(_ context: AccountsContext) {
        self.context = context
    }

    public func callAsFunction(csv text: String) async throws -> Report {
        var report = Report()
        var records = CSV.records(text)
        guard !records.isEmpty else {
            report.rejected.append((1, "the file is empty; the first line must be the header"))
            return report
        }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = LegacyAccountRow.requiredHeader.filter { !header.contains($0) }
        let unknown = header.filter { !(LegacyAccountRow.requiredHeader + ["passwordBcrypt"]).contains($0) }
        if !missing.isEmpty || !unknown.isEmpty {
            report.rejected.append(
                (
                    1,
                    "the header must be username,firstName,lastName,email,createdAt[,passwordBcrypt]"
                        + (missing.isEmpty ? "" : "; missing \(missing.joined(separator: ", "))")
                        + (unknown.isEmpty ? "" : "; unknown \(unknown.joined(separator: ", "))")
                ))
            return report
        }
        for record in records {
            switch LegacyAccountRow.parse(record.fields, header: header) {
            case .failure(let problems):
                report.rejected.append((record.line, problems.problems.joined(separator: "; ")))
            case .success(let row):
                do {
                    try await importRow(row)
                    report.imported.append(row.username.rawValue)
                } catch AccountConflict.usernameTaken {
                    report.rejected.append((record.line, "username \(row.username) is already in use"))
                }
            }
        }
        return report
    }

    private func importRow(_ row: LegacyAccountRow) async throws {
        let oneTimePassword = row.passwordBcrypt == nil ? OneTimePassword.make(context.secrets) : nil
        let hash: String
        if let carried = row.passwordBcrypt {
            hash = carried
        } else {
            hash = try await context.hasher.hash(oneTimePassword!)
        }
        let account = PacerAccount(
            id: AccountID(context.ids.uuid()), username: row.username, passwordHash: hash, firstName: row.firstName,
            lastName: row.lastName,
            email: EmailAddress(row.email.address, displayName: "\(row.firstName) \(row.lastName)") ?? row.email,
            emailVerifiedAt: nil, dateOfBirth: nil, address: nil, userType: nil, status: .active,
            createdAt: row.createdAt, upgradedAt: nil, mustChangePassword: oneTimePassword != nil)
        var messages: [OutboxMessage] = []
        if let oneTimePassword {
            let mail = context.mails.oneTimePassword(context.ids.uuid(), to: account, password: oneTimePassword)
            messages.append(try context.outbox(mail, id: UUID()))
        }
        let queued = messages
        try await context.store.transaction { transaction in
            try await transaction.insert(account)
            for message in queued { try await transaction.enqueue(message) }
        }
    }
}

/// A password issued once, to be replaced at the first sign-in: five groups of four letters.
enum OneTimePassword {
    static func make(_ secrets: any SecretGenerator) -> String {
        let characters = ReadableCode.characters(20, from: secrets)
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
