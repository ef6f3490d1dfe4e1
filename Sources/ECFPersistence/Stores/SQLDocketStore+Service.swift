import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// Electronic service in the court's database: subscriptions, free looks, service records and the
/// entries waiting for daily summaries.
extension SQLDocketStore {
    public func subscribers(of caseID: CaseID) async throws -> [CourtAccountID] {
        struct Row: Decodable { let accountId: UUID }
        return try await sql.select().column("account_id").from("subscriptions")
            .where("case_id", .equal, caseID.rawValue).orderBy("created_at")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { CourtAccountID($0.accountId) }
    }

    public func subscribedCases(of account: CourtAccountID) async throws -> [CourtCase] {
        try await sql.raw(
            "SELECT * FROM cases WHERE id IN (SELECT case_id FROM subscriptions WHERE account_id = \(bind: account.rawValue)) ORDER BY id DESC"
        ).all().map(CaseRow.init(row:)).map { try $0.domain() }
    }

    public func setSubscription(_ caseID: CaseID, account: CourtAccountID, subscribed: Bool, at instant: Date)
        async throws -> Bool
    {
        struct Row: Decodable { let caseId: Int64 }
        let query: SQLQueryString =
            subscribed
            ? "INSERT INTO subscriptions (case_id, account_id, created_at) VALUES (\(bind: caseID.rawValue), \(bind: account.rawValue), \(bind: instant)) ON CONFLICT (case_id, account_id) DO NOTHING RETURNING case_id"
            : "DELETE FROM subscriptions WHERE case_id = \(bind: caseID.rawValue) AND account_id = \(bind: account.rawValue) RETURNING case_id"
        return try await sql.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).count == 1
    }

    public func freeLook(_ magicNumber: String, of document: DocumentID) async throws -> FreeLook? {
        struct Row: Decodable {
            let magicNum: String
            let docId: String
            let caseId: Int64
            let seq: Int
            let accountId: UUID
            let issuedAt: Date
            let usedAt: Date?
        }
        guard
            let row = try await sql.select().column("*").from("free_looks").where("doc_id", .equal, document.rawValue)
                .where("magic_num", .equal, magicNumber).first(
                    decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase),
            let document = DocumentID(row.docId)
        else { return nil }
        return FreeLook(
            magicNumber: row.magicNum, documentID: document, caseID: CaseID(row.caseId), seq: row.seq,
            account: CourtAccountID(row.accountId), issuedAt: row.issuedAt, usedAt: row.usedAt)
    }

    public func useFreeLook(_ magicNumber: String, of document: DocumentID, at instant: Date, from client: String)
        async throws -> Bool
    {
        struct Row: Decodable { let magicNum: String }
        return try await sql.raw(
            "UPDATE free_looks SET used_at = \(bind: instant), used_from = \(bind: client) WHERE doc_id = \(bind: document.rawValue) AND magic_num = \(bind: magicNumber) AND used_at IS NULL RETURNING magic_num"
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).count == 1
    }

    public func serviceRecords(of caseID: CaseID) async throws -> [ServiceRecord] {
        struct Row: Decodable {
            let seq: Int
            let accountId: UUID
            let name: String
            let addresses: String
            let delivery: String
            let outboxId: UUID?
            let status: String?
            let lastError: String?
        }
        let rows = try await sql.raw(
            """
            SELECT r.seq, r.account_id, r.name, r.addresses, r.delivery, r.outbox_id, o.status, o.last_error \
            FROM service_records r LEFT JOIN outbox o ON o.id = r.outbox_id \
            WHERE r.case_id = \(bind: caseID.rawValue) ORDER BY r.seq, r.name
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return rows.map { row in
            let status: ServiceRecord.Status =
                switch (row.outboxId, row.status) {
                case (nil, _): .inSummary
                case (_, "delivered"): row.lastError == nil ? .delivered : .partlyRefused
                case (_, "failed"): .failed
                default: .queued
                }
            return ServiceRecord(
                caseID: caseID, seq: row.seq, account: CourtAccountID(row.accountId), name: row.name,
                addresses: row.addresses.split(separator: " ").compactMap { EmailAddress(String($0)) },
                delivery: NoticeDelivery(rawValue: row.delivery) ?? .eachFiling,
                outboxID: row.outboxId.map(OutboxMessageID.init), status: status,
                error: row.lastError)
        }
    }

    public func pendingSummaries(through day: String) async throws -> [SummaryItem] {
        struct Row: Decodable {
            let accountId: UUID
            let caseId: Int64
            let seq: Int
            let courtDay: String
        }
        return try await sql.raw(
            "SELECT account_id, case_id, seq, court_day FROM summary_items WHERE sent_at IS NULL AND court_day <= \(bind: day) ORDER BY account_id, case_id, seq"
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            SummaryItem(account: CourtAccountID($0.accountId), caseID: CaseID($0.caseId), seq: $0.seq, day: $0.courtDay)
        }
    }
}

extension SQLDocketTransaction {
    /// A service list's numbers in few statements (one each would be a round trip each: 500
    /// attorneys of record, 500 numbers a document).
    func insert(_ freeLooks: [FreeLook]) async throws {
        try await RowInserts.insertRows(
            into: "free_looks", columns: ["magic_num", "doc_id", "case_id", "seq", "account_id", "issued_at"],
            freeLooks.map { look in
                [
                    SQLBind(look.magicNumber), SQLBind(look.documentID.rawValue), SQLBind(look.caseID.rawValue),
                    SQLBind(look.seq), SQLBind(look.account.rawValue), SQLBind(look.issuedAt),
                ]
            }, on: sql)
    }

    func insert(_ records: [ServiceRecord]) async throws {
        try await RowInserts.insertRows(
            into: "service_records",
            columns: ["case_id", "seq", "account_id", "name", "addresses", "delivery", "outbox_id"],
            records.map { record in
                [
                    SQLBind(record.caseID.rawValue), SQLBind(record.seq), SQLBind(record.account.rawValue),
                    SQLBind(record.name), SQLBind(record.addresses.map(\.address).joined(separator: " ")),
                    SQLBind(record.delivery.rawValue), SQLBind(record.outboxID?.rawValue),
                ]
            }, on: sql)
    }

    func insert(_ body: SharedMailBody) async throws {
        try await SharedMailBodyRow.insert(body, on: sql)
    }

    func insert(_ item: SummaryItem) async throws {
        try await sql.raw(
            "INSERT INTO summary_items (case_id, seq, account_id, court_day) VALUES (\(bind: item.caseID.rawValue), \(bind: item.seq), \(bind: item.account.rawValue), \(bind: item.day))"
        ).run()
    }

    func markSummarySent(_ account: CourtAccountID, through day: String, at instant: Date) async throws -> Int {
        struct Row: Decodable { let seq: Int }
        return try await sql.raw(
            "UPDATE summary_items SET sent_at = \(bind: instant) WHERE account_id = \(bind: account.rawValue) AND court_day <= \(bind: day) AND sent_at IS NULL RETURNING seq"
        ).all(decoding: Row.self).count
    }
}
