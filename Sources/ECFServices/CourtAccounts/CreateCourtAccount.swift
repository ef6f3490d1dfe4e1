import ECFDomain
import Foundation

/// Who changes a court's accounts and plan: the operator at the command line, or a clerk of the court.
public enum CourtActor: Sendable, Equatable {
    case operatorCLI
    case clerk(CourtAccount)

    var auditName: String {
        switch self {
        case .operatorCLI: "cli"
        case .clerk(let account): "court:\(account.login)"
        }
    }
}

/// Creates a court CM/ECF account. With no password given, a one-time password is mailed to the
/// person (to be changed at the first sign-in); with a carried-over bcrypt hash, it is kept as is.
public struct CreateCourtAccount: Sendable {
    public enum Password: Sendable {
        case oneTime
        case chosen(String)
        case bcryptHash(String)
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(
        court typed: String, form: CourtAccountForm, password: Password, by actor: CourtActor
    ) async throws -> CourtAccount {
        let court = try await context.court(typed)
        if case .clerk = actor { try court.requireAvailable() }
        let valid: CourtAccountForm.Valid
        switch form.validate() {
        case .success(let checked): valid = checked
        case .failure(let problems): throw CourtError.invalid(problems)
        }
        var oneTime: String?
        let hash: String
        switch password {
        case .oneTime:
            oneTime = OneTimePassword.make(context.secrets)
            hash = try await context.hasher.hash(oneTime!)
        case .chosen(let chosen):
            if let problem = PasswordPolicy.check(
                chosen, username: valid.login.rawValue, firstName: valid.firstName, lastName: valid.lastName,
                email: valid.email.address)
            {
                throw CourtError(.invalid, problem.description, fields: ["password": problem.description])
            }
            hash = try await context.hasher.hash(chosen)
        case .bcryptHash(let carried):
            guard carried.hasPrefix("$2"), carried.count == 60 else {
                throw CourtError(
                    .invalid, "The carried-over password must be a bcrypt hash ($2a$/$2b$/$2y$, 60 characters).",
                    fields: ["passwordBcrypt": "not a bcrypt hash"])
            }
            hash = carried
        }
        let account = CourtAccount(
            id: CourtAccountID(context.ids.uuid()), court: court.id, login: valid.login, passwordHash: hash,
            role: valid.role, firstName: valid.firstName, lastName: valid.lastName, email: valid.email,
            secondaryEmails: valid.secondaryEmails, barNumber: valid.barNumber, barState: valid.barState,
            createdAt: context.clock.now, mustChangePassword: oneTime != nil)
        var messages: [OutboxMessage] = []
        if let oneTime {
            messages.append(
                try context.outbox(context.mails.oneTimePassword(account, court: court.court, password: oneTime)))
        }
        if court.phase == .legacy, court.plan.nextGenAt != nil {
            // A user added after the notice went out still gets it.
            messages.append(
                try context.outbox(
                    context.mails.cutoverPlanned(
                        account, court: court.court, plan: court.plan, now: court.now, revised: false)))
        }
        let entry = context.audit(
            .accountCreated, actor: actor.auditName, courtAccount: account.id,
            detail: "\(account.login) \(account.role.rawValue)")
        let queued = messages
        do {
            try await court.store.transaction { transaction in
                try await transaction.insert(account)
                try await transaction.append(entry)
                for message in queued { try await transaction.enqueue(message) }
            }
        } catch CourtAccountConflict.loginTaken {
            let message = "The login \(valid.login) is already in use in this court. Choose another."
            throw CourtError(.loginTaken, message, fields: ["login": message])
        }
        return account
    }
}

/// Brings a court's existing users in from a CSV file
/// (`login,role,firstName,lastName,email,secondaryEmails,barNumber,barState[,passwordBcrypt]`).
/// Each line is its own transaction: a bad line is reported with its number and nothing of it is
/// kept; the good lines are imported.
public struct ImportCourtAccounts: Sendable {
    public struct Report: Sendable, Equatable {
        public var imported: [String] = []
        public var rejected: [Rejection] = []
    }

    public struct Rejection: Sendable, Equatable {
        public let line: Int
        public let problem: String
    }

    public static let header = [
        "login", "role", "firstName", "lastName", "email", "secondaryEmails", "barNumber", "barState",
    ]

    let create: CreateCourtAccount

    public init(_ context: CourtContext) {
        self.create = CreateCourtAccount(context)
    }

    public func callAsFunction(court: String, csv text: String, by actor: CourtActor) async throws -> Report {
        var report = Report()
        var records = CSV.records(text)
        guard !records.isEmpty else {
            report.rejected.append(.init(line: 1, problem: "the file is empty; the first line must be the header"))
            return report
        }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let allowed = Self.header + ["passwordBcrypt"]
        let missing = Self.header.filter { !header.contains($0) }
        let unknown = header.filter { !allowed.contains($0) }
        if !missing.isEmpty || !unknown.isEmpty {
            report.rejected.append(
                .init(
                    line: 1,
                    problem: "the header must be \(Self.header.joined(separator: ","))[,passwordBcrypt]"
                        + (missing.isEmpty ? "" : "; missing \(missing.joined(separator: ", "))")
                        + (unknown.isEmpty ? "" : "; unknown \(unknown.joined(separator: ", "))")))
            return report
        }
        for record in records {
            guard record.fields.count == header.count else {
                report.rejected.append(
                    .init(line: record.line, problem: "expected \(header.count) fields, found \(record.fields.count)"))
                continue
            }
            let row = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
            let form = CourtAccountForm(
                login: row["login"] ?? "", role: row["role"] ?? "", firstName: row["firstName"] ?? "",
                lastName: row["lastName"] ?? "", email: row["email"] ?? "",
                secondaryEmails: row["secondaryEmails"] ?? "", barNumber: row["barNumber"] ?? "",
                barState: row["barState"] ?? "")
            let carried = row["passwordBcrypt"]?.trimmingCharacters(in: .whitespaces) ?? ""
            do {
                let account = try await create(
                    court: court, form: form, password: carried.isEmpty ? .oneTime : .bcryptHash(carried), by: actor)
                report.imported.append(account.login.rawValue)
            } catch let error as CourtError where error.code != .courtNotFound && error.code != .courtUnavailable {
                let detail = error.fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                report.rejected.append(
                    .init(line: record.line, problem: detail.isEmpty ? error.message : detail.joined(separator: "; ")))
            }
        }
        return report
    }
}
