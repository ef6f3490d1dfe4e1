import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// One court's accounts, plan, sessions, audit log and registrations, in the court's database.
public struct SQLCourtStore: CourtStore {
    let court: CourtID
    let database: any Database
    /// Where the reads outside transactions go (`ECFDatabases.reads`): every method of this
    /// store but `transaction` only reads.
    let reads: any SQLDatabase

    public init(court: CourtID, database: any Database, reads: (any SQLDatabase)? = nil) {
        self.court = court
        self.database = database
        self.reads = reads ?? database as! any SQLDatabase
    }

    var queries: CourtQueries { CourtQueries(court: court, sql: reads) }

    public func plan() async throws -> CutoverPlan { try await queries.plan() }
    public func settings() async throws -> CourtSettings { try await queries.settings() }
    public func account(_ id: CourtAccountID) async throws -> CourtAccount? { try await queries.account(id) }
    public func account(login: CourtLogin) async throws -> CourtAccount? { try await queries.account(login: login) }
    public func account(linkedTo pacer: AccountID) async throws -> CourtAccount? {
        try await queries.account(linkedTo: pacer)
    }

    public func accounts(email canonical: String) async throws -> [CourtAccount] {
        // The LIKE narrows the rows; the exact comparison decides.
        try await queries.select(CourtAccountRow.table)
            .where("email_canonical", .equal, canonical)
            .orWhere("secondary_emails", .like, "%\(canonical)%")
            .all().map(CourtAccountRow.init(row:))
            .filter { $0.emailCanonical == canonical || $0.secondaryCanonicals.contains(canonical) }
            .map { try $0.domain(court: court) }
    }

    public func accounts() async throws -> [CourtAccount] {
        try await queries.select(CourtAccountRow.table).orderBy("login_canonical")
            .all().map(CourtAccountRow.init(row:))
            .map { try $0.domain(court: court) }
    }

    public func accounts(roles: Set<CourtRole>) async throws -> [CourtAccount] {
        guard !roles.isEmpty else { return [] }
        // Written as SQL, not built: SQLKit's builder quotes each identifier through
        // StringProcessing (every docket report reads the court's judges).
        let list = SQLList(roles.map(\.rawValue).sorted().map { SQLBind($0) })
        return try await reads.raw("SELECT * FROM court_accounts WHERE role IN (\(list)) ORDER BY login_canonical")
            .all().map(CourtAccountRow.init(row:))
            .map { try $0.domain(court: court) }
    }

    public func accounts(ids: Set<CourtAccountID>) async throws -> [CourtAccount] {
        var found: [CourtAccount] = []
        // A statement's parameters are bounded: the ids in slices. A short list is padded to one
        // of the few shapes a court's reader keeps prepared (an id again changes no answer of `IN`).
        for slice in ids.map(\.rawValue).sorted().slices(of: 500) {
            let padded = slice.paddedToPowerOfTwo(atMost: ECFDatabases.courtReaderBindsOfAKeptStatement)
            let list = SQLList(padded.map { SQLBind($0) })
            found += try await reads.raw("SELECT * FROM court_accounts WHERE id IN (\(list))")
                .all().map(CourtAccountRow.init(row:))
                .map { try $0.domain(court: court) }
        }
        return found
    }

    public func session(tokenHash: String) async throws -> CourtSession? {
        try await queries.select(CourtSessionRow.table).where("token_hash", .equal, tokenHash)
            .first(decoding: CourtSessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.domain
    }

    public func registrations(status: EFileRegistration.Status?) async throws -> [EFileRegistration] {
        var query = queries.select(EFileRegistrationRow.table)
        if let status { query = query.where("status", .equal, status.rawValue) }
        return try await query.orderBy("requested_at")
            .all(decoding: EFileRegistrationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { try $0.domain() }
    }

    public func audit(limit: Int) async throws -> [CourtAuditEntry] {
        try await queries.select(CourtAuditRow.table).orderBy("at", .descending).limit(limit)
            .all(decoding: CourtAuditRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { try $0.domain() }
    }

    public func cutoverNoticed(nextGenAt: Date) async throws -> Bool {
        try await queries.select("cutover_notices").where("next_gen_at", .equal, CourtQueries.noticeKey(nextGenAt))
            .first() != nil
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any CourtTransaction) async throws -> T)
        async throws -> T
    {
        let court = self.court
        return try await database.transactionRingingOutbox(at: .court(court)) { transaction in
            try await body(
                SQLCourtTransaction(queries: CourtQueries(court: court, sql: transaction as! any SQLDatabase)))
        }
    }
}

/// The queries both the store and its transactions run.
struct CourtQueries: Sendable {
    let court: CourtID
    let sql: any SQLDatabase

    /// The key a cutover's notice is marked under: its instant, to the second.
    static func noticeKey(_ nextGenAt: Date) -> String {
        Date(timeIntervalSince1970: nextGenAt.timeIntervalSince1970.rounded()).formatted(.iso8601)
    }

    func select(_ table: String) -> SQLSelectBuilder {
        sql.select().column("*").from(table)
    }

    func plan() async throws -> CutoverPlan {
        try await select(CutoverPlanRow.table).where("id", .equal, 1)
            .first().map(CutoverPlanRow.init(row:))?.domain() ?? .none
    }

    func settings() async throws -> CourtSettings {
        // Read on every court request: the statement as written and its columns one by one.
        guard
            let row = try await sql.raw(
                "SELECT max_file_bytes, scanned_pdfs, summary_time, fee_free FROM court_settings WHERE id = 1"
            ).first()
        else { return .standard }
        let scannedPDFs = try row.decode(column: "scanned_pdfs", as: String.self)
        guard let scanned = CourtSettings.ScannedPDFs(rawValue: scannedPDFs) else {
            throw PersistenceError.corruptRow(table: "court_settings", detail: scannedPDFs)
        }
        return CourtSettings(
            maxFileBytes: try row.decode(column: "max_file_bytes", as: Int.self), scannedPDFs: scanned,
            summaryTime: try row.decode(column: "summary_time", as: String.self),
            feeFree: try row.decode(column: "fee_free", as: Bool.self))
    }

    /// The account whose `column` (one of this file's own names, never a caller's text) holds `value`.
    func accountRow(_ column: StaticString, _ value: some Encodable & Sendable) async throws -> CourtAccountRow? {
        try await sql.raw("SELECT * FROM court_accounts WHERE \(unsafeRaw: "\(column)") = \(bind: value)").first()
            .map(CourtAccountRow.init(row:))
    }

    func account(_ id: CourtAccountID) async throws -> CourtAccount? {
        try await accountRow("id", id.rawValue)?.domain(court: court)
    }

    func account(login: CourtLogin) async throws -> CourtAccount? {
        try await accountRow("login_canonical", login.canonical)?.domain(court: court)
    }

    func account(linkedTo pacer: AccountID) async throws -> CourtAccount? {
        try await accountRow("linked_account", pacer.rawValue)?.domain(court: court)
    }
}

/// The writes of one court use case, inside one transaction.
struct SQLCourtTransaction: CourtTransaction {
    let queries: CourtQueries
    var sql: any SQLDatabase { queries.sql }

    func plan() async throws -> CutoverPlan { try await queries.plan() }

    func save(_ plan: CutoverPlan, at instant: Date) async throws {
        try await sql.delete(from: CutoverPlanRow.table).where("id", .equal, 1).run()
        try await sql.insert(into: CutoverPlanRow.table)
            .model(
                try CutoverPlanRow(plan, at: instant), keyEncodingStrategy: .convertToSnakeCase,
                nilEncodingStrategy: .asNil
            )
            .run()
    }

    func save(_ settings: CourtSettings) async throws {
        try await sql.delete(from: "court_settings").where("id", .equal, 1).run()
        try await sql.raw(
            "INSERT INTO court_settings (id, max_file_bytes, scanned_pdfs, summary_time, fee_free) VALUES (1, \(bind: settings.maxFileBytes), \(bind: settings.scannedPDFs.rawValue), \(bind: settings.summaryTime), \(bind: settings.feeFree))"
        ).run()
    }

    func account(_ id: CourtAccountID) async throws -> CourtAccount? { try await queries.account(id) }
    func account(login: CourtLogin) async throws -> CourtAccount? { try await queries.account(login: login) }
    func account(linkedTo pacer: AccountID) async throws -> CourtAccount? {
        try await queries.account(linkedTo: pacer)
    }

    func insert(_ account: CourtAccount) async throws {
        guard try await queries.accountRow("login_canonical", account.login.canonical) == nil else {
            throw CourtAccountConflict.loginTaken
        }
        do {
            try await sql.insert(into: CourtAccountRow.table)
                .model(CourtAccountRow(account), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .run()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw CourtAccountConflict.loginTaken
        }
    }

    func update(_ account: CourtAccount) async throws {
        guard let existing = try await queries.accountRow("id", account.id.rawValue) else {
            throw PersistenceError.corruptRow(table: CourtAccountRow.table, detail: "no account \(account.id)")
        }
        let row = CourtAccountRow(
            account, failedSignIns: existing.failedSignIns, lastFailedSignInAt: existing.lastFailedSignInAt)
        try await sql.update(CourtAccountRow.table)
            .set(model: row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .where("id", .equal, account.id.rawValue).run()
    }

    func insert(_ token: CourtAccountToken) async throws {
        try await sql.insert(into: CourtTokenRow.table)
            .model(CourtTokenRow(token), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
    }

    func token(hash: String) async throws -> CourtAccountToken? {
        try await queries.select(CourtTokenRow.table).where("token_hash", .equal, hash)
            .first(decoding: CourtTokenRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.domain
    }

    func useToken(_ id: UUID, at instant: Date) async throws -> Bool {
        struct Row: Decodable { let id: UUID }
        return try await sql.raw(
            "UPDATE court_account_tokens SET used_at = \(bind: instant) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id"
        ).all(decoding: Row.self).count == 1
    }

    func insert(_ session: CourtSession) async throws {
        try await sql.insert(into: CourtSessionRow.table)
            .model(CourtSessionRow(session), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .run()
    }

    func endSessions(of account: CourtAccountID, at instant: Date) async throws {
        try await sql.update(CourtSessionRow.table).set("ended_at", to: instant)
            .where("account_id", .equal, account.rawValue).where("ended_at", .is, SQLLiteral.null).run()
    }

    func endSession(tokenHash: String, at instant: Date) async throws {
        try await sql.update(CourtSessionRow.table).set("ended_at", to: instant)
            .where("token_hash", .equal, tokenHash).where("ended_at", .is, SQLLiteral.null).run()
    }

    func recordFailedSignIn(_ account: CourtAccountID, at instant: Date) async throws -> Int {
        struct Row: Decodable {
            let failedSignIns: Int
            enum CodingKeys: String, CodingKey { case failedSignIns = "failed_sign_ins" }
        }
        return try await sql.raw(
            "UPDATE court_accounts SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = \(bind: instant) WHERE id = \(bind: account.rawValue) RETURNING failed_sign_ins"
        ).all(decoding: Row.self).first?.failedSignIns ?? 0
    }

    func failedSignIns(_ account: CourtAccountID) async throws -> (count: Int, last: Date?) {
        guard let row = try await queries.accountRow("id", account.rawValue) else { return (0, nil) }
        return (row.failedSignIns, row.lastFailedSignInAt)
    }

    func clearFailedSignIns(_ account: CourtAccountID) async throws {
        try await sql.update(CourtAccountRow.table).set("failed_sign_ins", to: 0)
            .set("last_failed_sign_in_at", to: SQLLiteral.null).where("id", .equal, account.rawValue).run()
    }

    func markCutoverNoticed(nextGenAt: Date, at instant: Date) async throws -> Bool {
        struct Row: Decodable {
            let key: String
            enum CodingKeys: String, CodingKey { case key = "next_gen_at" }
        }
        let key = CourtQueries.noticeKey(nextGenAt)
        // ON CONFLICT DO NOTHING: a second process waits for the first and then inserts nothing.
        return try await sql.raw(
            "INSERT INTO cutover_notices (next_gen_at, sent_at) VALUES (\(bind: key), \(bind: instant)) ON CONFLICT DO NOTHING RETURNING next_gen_at"
        ).all(decoding: Row.self).count == 1
    }

    func append(_ entry: CourtAuditEntry) async throws {
        try await sql.insert(into: CourtAuditRow.table)
            .model(CourtAuditRow(entry), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
    }

    func insert(_ registration: EFileRegistration) async throws {
        try await sql.insert(into: EFileRegistrationRow.table)
            .model(
                EFileRegistrationRow(registration), keyEncodingStrategy: .convertToSnakeCase,
                nilEncodingStrategy: .asNil
            ).run()
    }

    func update(_ registration: EFileRegistration) async throws {
        try await sql.update(EFileRegistrationRow.table)
            .set(
                model: EFileRegistrationRow(registration), keyEncodingStrategy: .convertToSnakeCase,
                nilEncodingStrategy: .asNil
            )
            .where("id", .equal, registration.id).run()
    }

    func registration(_ id: UUID) async throws -> EFileRegistration? {
        try await queries.select(EFileRegistrationRow.table).where("id", .equal, id)
            .first(decoding: EFileRegistrationRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.domain()
    }

    func enqueue(_ message: OutboxMessage) async throws {
        try await SQLOutboxStore(database: queries.sql as! any Database).enqueue(message)
    }
}

/// The court stores of this process, one database per court.
public struct SQLCourtStores: CourtStores {
    let databases: ECFDatabases

    public init(databases: ECFDatabases) {
        self.databases = databases
    }

    public func store(_ court: CourtID) async throws -> any CourtStore {
        SQLCourtStore(
            court: court, database: try await databases.court(court), reads: try await databases.reads(.court(court)))
    }

    public func docket(_ court: CourtID) async throws -> any DocketStore {
        SQLDocketStore(
            database: try await databases.court(court), outbox: .court(court),
            reads: try await databases.reads(.court(court)))
    }

    public func webhooks(_ court: CourtID) async throws -> any WebhookStore {
        SQLWebhookStore(database: try await databases.court(court), outbox: .court(court))
    }
}
