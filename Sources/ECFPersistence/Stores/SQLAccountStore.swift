import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// PACER accounts, tokens and sessions in the PSC database.
public struct SQLAccountStore: AccountStore {
    let database: any Database
    /// Where the reads of every signed-in request (the session, the account) go
    /// (`ECFDatabases.reads`).
    let reads: any SQLDatabase

    public init(database: any Database, reads: (any SQLDatabase)? = nil) {
        self.database = database
        self.reads = reads ?? database as! any SQLDatabase
    }

    public func account(_ id: AccountID) async throws -> PacerAccount? {
        try await AccountRow.account(id, on: reads)
    }

    public func account(username: Username) async throws -> PacerAccount? {
        try await AccountRecord.query(on: database).filter(\.$usernameCanonical == username.canonical).first()?.domain()
    }

    public func accounts(emailCanonical: String) async throws -> [PacerAccount] {
        try await AccountRecord.query(on: database).filter(\.$emailCanonical == emailCanonical).all().map {
            try $0.domain()
        }
    }

    public func accounts(firstName: String, lastName: String, dateOfBirth: DateOnly) async throws -> [PacerAccount] {
        // Names compare without regard to case; the date narrows the rows first.
        try await AccountRecord.query(on: database).filter(\.$dateOfBirth == dateOfBirth.description).all()
            .filter {
                $0.firstName.lowercased() == firstName.lowercased() && $0.lastName.lowercased() == lastName.lowercased()
            }
            .map { try $0.domain() }
    }

    /// Read on every signed-in request: with SQLKit and the statement as written, not Fluent's
    /// model (its fields found by reflection, its query built and quoted each time).
    public func session(_ id: SessionID) async throws -> SignInSession? {
        guard
            let row = try await reads.raw(
                "SELECT account_id, created_at, ended_at FROM sign_in_sessions WHERE id = \(bind: id.rawValue)"
            ).first()
        else { return nil }
        return SignInSession(
            id: id, accountID: AccountID(try row.decode(column: "account_id", as: UUID.self)),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            endedAt: try row.decode(column: "ended_at", as: Date?.self))
    }

    public func failedSignIns(_ account: AccountID) async throws -> (count: Int, last: Date?) {
        guard let record = try await AccountRecord.find(account.rawValue, on: database) else { return (0, nil) }
        return (record.failedSignIns, record.lastFailedSignInAt)
    }

    public func authenticators(of account: AccountID) async throws -> [Authenticator] {
        try await AuthenticatorRecord.query(on: database).filter(\.$accountID == account.rawValue)
            .sort(\.$createdAt).all().map { try $0.domain() }
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any AccountTransaction) async throws -> T)
        async throws -> T
    {
        try await database.transactionRingingOutbox(at: .psc) { transaction in
            try await body(SQLAccountTransaction(database: transaction))
        }
    }
}

/// The writes of one account use case, inside one transaction.
struct SQLAccountTransaction: AccountTransaction {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func account(_ id: AccountID) async throws -> PacerAccount? {
        try await AccountRecord.find(id.rawValue, on: database)?.domain()
    }

    func insert(_ account: PacerAccount) async throws {
        let taken = try await AccountRecord.query(on: database)
            .filter(\.$usernameCanonical == account.username.canonical).count()
        guard taken == 0 else { throw AccountConflict.usernameTaken }
        do {
            try await AccountRecord(account).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AccountConflict.usernameTaken
        }
    }

    func update(_ account: PacerAccount) async throws {
        guard let record = try await AccountRecord.find(account.id.rawValue, on: database) else {
            throw PersistenceError.corruptRow(table: AccountRecord.schema, detail: "no account \(account.id)")
        }
        record.apply(account)
        try await record.update(on: database)
    }

    func insert(_ token: AccountToken) async throws {
        try await AccountTokenRecord(token).create(on: database)
    }

    func token(hash: String, purpose: AccountToken.Purpose) async throws -> AccountToken? {
        try await AccountTokenRecord.query(on: database)
            .filter(\.$tokenHash == hash).filter(\.$purpose == purpose.rawValue).first()?.domain()
    }

    func useToken(_ id: UUID, at instant: Date) async throws -> Bool {
        struct Row: Decodable { let id: UUID }
        let rows = try await sql.raw(
            "UPDATE account_tokens SET used_at = \(bind: instant) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id"
        ).all(decoding: Row.self)
        return rows.count == 1
    }

    func insert(_ session: SignInSession) async throws {
        try await SignInSessionRecord(session).create(on: database)
    }

    func endSessions(of account: AccountID, except: SessionID?, at instant: Date) async throws -> Int {
        var query = SignInSessionRecord.query(on: database)
            .filter(\.$accountID == account.rawValue).filter(\.$endedAt == nil)
        if let except { query = query.filter(\.$id != except.rawValue) }
        let open = try await query.all()
        for record in open {
            record.endedAt = instant
            try await record.update(on: database)
        }
        return open.count
    }

    func endSession(_ id: SessionID, at instant: Date) async throws {
        try await SignInSessionRecord.query(on: database)
            .filter(\.$id == id.rawValue).filter(\.$endedAt == nil)
            .set(\.$endedAt, to: instant).update()
    }

    func recordFailedSignIn(_ account: AccountID, at instant: Date) async throws -> Int {
        struct Row: Decodable {
            let failedSignIns: Int
            enum CodingKeys: String, CodingKey { case failedSignIns = "failed_sign_ins" }
        }
        let rows = try await sql.raw(
            "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = \(bind: instant) WHERE id = \(bind: account.rawValue) RETURNING failed_sign_ins"
        ).all(decoding: Row.self)
        return rows.first?.failedSignIns ?? 0
    }

    func clearFailedSignIns(_ account: AccountID) async throws {
        try await AccountRecord.query(on: database).filter(\.$id == account.rawValue)
            .set(\.$failedSignIns, to: 0).set(\.$lastFailedSignInAt, to: nil).update()
    }

    func enqueue(_ message: OutboxMessage) async throws {
        try await SQLOutboxStore(database: database).enqueue(message)
    }

    func save(_ authenticator: Authenticator) async throws {
        let record = try await AuthenticatorRecord.find(authenticator.id, on: database) ?? AuthenticatorRecord()
        record.apply(authenticator)
        try await record.save(on: database)
    }

    func deleteAuthenticator(_ id: UUID) async throws {
        try await AuthenticatorRecord.query(on: database).filter(\.$id == id).delete()
    }

    func replaceBackupCodes(of account: AccountID, hashes: [String]) async throws {
        try await BackupCodeRecord.query(on: database).filter(\.$accountID == account.rawValue).delete()
        for hash in hashes {
            try await BackupCodeRecord(accountID: account.rawValue, codeHash: hash).create(on: database)
        }
    }

    func useBackupCode(of account: AccountID, hash: String, at instant: Date) async throws -> Bool {
        struct Row: Decodable { let id: UUID }
        let rows = try await sql.raw(
            "UPDATE backup_codes SET used_at = \(bind: instant) WHERE account_id = \(bind: account.rawValue) AND code_hash = \(bind: hash) AND used_at IS NULL RETURNING id"
        ).all(decoding: Row.self)
        return !rows.isEmpty
    }

    func advanceStep(_ authenticator: UUID, to step: Int64) async throws -> Bool {
        struct Row: Decodable { let id: UUID }
        let rows = try await sql.raw(
            "UPDATE authenticators SET last_used_step = \(bind: step) WHERE id = \(bind: authenticator) AND (last_used_step IS NULL OR last_used_step < \(bind: step)) RETURNING id"
        ).all(decoding: Row.self)
        return !rows.isEmpty
    }
}
