import ECFDomain
import Foundation
import SQLKit

/// A `court_accounts` row as SQLKit writes it (snake_case columns) and `init(row:)` reads it.
struct CourtAccountRow: Encodable, Sendable {
    static let table = "court_accounts"

    var id: UUID
    var login: String
    var loginCanonical: String
    var passwordHash: String?
    var role: String
    var firstName: String
    var lastName: String
    var email: String
    var emailCanonical: String
    /// The secondary addresses, one per line, each as `canonical address`.
    var secondaryEmails: String
    var barNumber: String?
    var barState: String?
    var status: String
    var createdAt: Date
    var mustChangePassword: Bool
    var lockedUntil: Date?
    var failedSignIns: Int
    var lastFailedSignInAt: Date?
    var linkedAccount: UUID?
    var linkedAt: Date?
    var noticeDelivery: String

    init(_ account: CourtAccount, failedSignIns: Int = 0, lastFailedSignInAt: Date? = nil) {
        id = account.id.rawValue
        login = account.login.rawValue
        loginCanonical = account.login.canonical
        passwordHash = account.passwordHash
        role = account.role.rawValue
        firstName = account.firstName
        lastName = account.lastName
        email = account.email.address
        emailCanonical = account.email.canonical
        secondaryEmails = account.secondaryEmails.map { "\($0.canonical) \($0.address)" }.joined(separator: "\n")
        barNumber = account.barNumber
        barState = account.barState
        status = account.status.rawValue
        createdAt = account.createdAt
        mustChangePassword = account.mustChangePassword
        lockedUntil = account.lockedUntil
        self.failedSignIns = failedSignIns
        self.lastFailedSignInAt = lastFailedSignInAt
        linkedAccount = account.linkedAccount?.rawValue
        linkedAt = account.linkedAt
        noticeDelivery = account.noticeDelivery.rawValue
    }

    /// Reads the row column by column: SQLKit's `Codable` decoding with snake-case keys converted
    /// each key's name on every row (an account is read on most requests; BENCHMARKS.md P1).
    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        login = try row.decode(column: "login", as: String.self)
        loginCanonical = try row.decode(column: "login_canonical", as: String.self)
        passwordHash = try row.decode(column: "password_hash", as: String?.self)
        role = try row.decode(column: "role", as: String.self)
        firstName = try row.decode(column: "first_name", as: String.self)
        lastName = try row.decode(column: "last_name", as: String.self)
        email = try row.decode(column: "email", as: String.self)
        emailCanonical = try row.decode(column: "email_canonical", as: String.self)
        secondaryEmails = try row.decode(column: "secondary_emails", as: String.self)
        barNumber = try row.decode(column: "bar_number", as: String?.self)
        barState = try row.decode(column: "bar_state", as: String?.self)
        status = try row.decode(column: "status", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        mustChangePassword = try row.decode(column: "must_change_password", as: Bool.self)
        lockedUntil = try row.decode(column: "locked_until", as: Date?.self)
        failedSignIns = try row.decode(column: "failed_sign_ins", as: Int.self)
        lastFailedSignInAt = try row.decode(column: "last_failed_sign_in_at", as: Date?.self)
        linkedAccount = try row.decode(column: "linked_account", as: UUID?.self)
        linkedAt = try row.decode(column: "linked_at", as: Date?.self)
        noticeDelivery = try row.decode(column: "notice_delivery", as: String.self)
    }

    /// The secondary addresses' canonical forms.
    var secondaryCanonicals: [String] {
        secondaryEmails.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    func domain(court: CourtID) throws -> CourtAccount {
        guard let login = CourtLogin(login), let role = CourtRole(rawValue: role),
            let status = CourtAccount.Status(rawValue: status),
            let email = EmailAddress(email, displayName: "\(firstName) \(lastName)"),
            let delivery = NoticeDelivery(rawValue: noticeDelivery)
        else { throw PersistenceError.corruptRow(table: Self.table, detail: id.uuidString) }
        let secondaries = secondaryEmails.split(separator: "\n").compactMap { line in
            line.split(separator: " ").last.flatMap { EmailAddress(String($0)) }
        }
        return CourtAccount(
            id: CourtAccountID(id), court: court, login: login, passwordHash: passwordHash, role: role,
            firstName: firstName, lastName: lastName, email: email, secondaryEmails: secondaries,
            barNumber: barNumber, barState: barState, status: status, createdAt: createdAt,
            mustChangePassword: mustChangePassword, lockedUntil: lockedUntil,
            linkedAccount: linkedAccount.map(AccountID.init), linkedAt: linkedAt, noticeDelivery: delivery)
    }
}

/// The other court rows, each the plain shape of its table.
struct CourtSessionRow: Codable, Sendable {
    static let table = "court_sessions"
    var id: UUID
    var accountId: UUID
    var tokenHash: String
    var createdAt: Date
    var expiresAt: Date
    var endedAt: Date?

    init(_ session: CourtSession) {
        id = session.id
        accountId = session.accountID.rawValue
        tokenHash = session.tokenHash
        createdAt = session.createdAt
        expiresAt = session.expiresAt
        endedAt = session.endedAt
    }

    var domain: CourtSession {
        CourtSession(
            id: id, accountID: CourtAccountID(accountId), tokenHash: tokenHash, createdAt: createdAt,
            expiresAt: expiresAt, endedAt: endedAt)
    }
}

struct CourtTokenRow: Codable, Sendable {
    static let table = "court_account_tokens"
    var id: UUID
    var accountId: UUID
    var tokenHash: String
    var createdAt: Date
    var usedAt: Date?

    init(_ token: CourtAccountToken) {
        id = token.id
        accountId = token.accountID.rawValue
        tokenHash = token.tokenHash
        createdAt = token.createdAt
        usedAt = token.usedAt
    }

    var domain: CourtAccountToken {
        CourtAccountToken(
            id: id, accountID: CourtAccountID(accountId), tokenHash: tokenHash, createdAt: createdAt, usedAt: usedAt)
    }
}

struct CutoverPlanRow: Codable, Sendable {
    static let table = "cutover_plans"
    var id: Int
    var nextGenAt: Date?
    /// `[[start, end], …]` in seconds since 1970, as JSON.
    var blackouts: String
    var updatedAt: Date

    init(_ plan: CutoverPlan, at instant: Date) throws {
        id = 1
        nextGenAt = plan.nextGenAt
        let pairs = plan.blackouts.map { [$0.start.timeIntervalSince1970, $0.end.timeIntervalSince1970] }
        blackouts = String(decoding: try JSONEncoder().encode(pairs), as: UTF8.self)
        updatedAt = instant
    }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        nextGenAt = try row.decode(column: "next_gen_at", as: Date?.self)
        blackouts = try row.decode(column: "blackouts", as: String.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
    }

    func domain() throws -> CutoverPlan {
        guard let pairs = try? JSONDecoder().decode([[Double]].self, from: Data(blackouts.utf8)),
            pairs.allSatisfy({ $0.count == 2 })
        else { throw PersistenceError.corruptRow(table: Self.table, detail: "blackouts") }
        return CutoverPlan(
            nextGenAt: nextGenAt,
            blackouts: pairs.map {
                .init(start: Date(timeIntervalSince1970: $0[0]), end: Date(timeIntervalSince1970: $0[1]))
            })
    }
}

struct CourtAuditRow: Codable, Sendable {
    static let table = "court_audit_log"
    var id: UUID
    var at: Date
    var action: String
    var actor: String
    var courtAccountId: UUID?
    var pacerAccountId: UUID?
    var detail: String

    init(_ entry: CourtAuditEntry) {
        id = entry.id
        at = entry.at
        action = entry.action.rawValue
        actor = entry.actor
        courtAccountId = entry.courtAccount?.rawValue
        pacerAccountId = entry.pacerAccount?.rawValue
        detail = entry.detail
    }

    func domain() throws -> CourtAuditEntry {
        guard let action = CourtAuditEntry.Action(rawValue: action) else {
            throw PersistenceError.corruptRow(table: Self.table, detail: id.uuidString)
        }
        return CourtAuditEntry(
            id: id, at: at, action: action, actor: actor, courtAccount: courtAccountId.map(CourtAccountID.init),
            pacerAccount: pacerAccountId.map(AccountID.init), detail: detail)
    }
}

struct EFileRegistrationRow: Codable, Sendable {
    static let table = "efile_registrations"
    var id: UUID
    var pacerAccountId: UUID
    var username: String
    var firstName: String
    var lastName: String
    var email: String
    var role: String
    var barNumber: String?
    var barState: String?
    var requestedAt: Date
    var status: String
    var decidedAt: Date?
    var reason: String?
    var courtAccountId: UUID?

    init(_ registration: EFileRegistration) {
        id = registration.id
        pacerAccountId = registration.pacerAccount.rawValue
        username = registration.username
        firstName = registration.firstName
        lastName = registration.lastName
        email = registration.email.address
        role = registration.role.rawValue
        barNumber = registration.barNumber
        barState = registration.barState
        requestedAt = registration.requestedAt
        status = registration.status.rawValue
        decidedAt = registration.decidedAt
        reason = registration.reason
        courtAccountId = registration.courtAccount?.rawValue
    }

    func domain() throws -> EFileRegistration {
        guard let role = CourtRole(rawValue: role), let status = EFileRegistration.Status(rawValue: status),
            let email = EmailAddress(email)
        else { throw PersistenceError.corruptRow(table: Self.table, detail: id.uuidString) }
        return EFileRegistration(
            id: id, pacerAccount: AccountID(pacerAccountId), username: username, firstName: firstName,
            lastName: lastName, email: email, role: role, barNumber: barNumber, barState: barState,
            requestedAt: requestedAt, status: status, decidedAt: decidedAt, reason: reason,
            courtAccount: courtAccountId.map(CourtAccountID.init))
    }
}
