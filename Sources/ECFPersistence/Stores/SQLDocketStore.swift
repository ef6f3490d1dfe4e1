import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// A court's cases and docket in its database.
public struct SQLDocketStore: DocketStore {
    let database: any Database
    /// The outbox its transactions ring (its court's); nil rings for every outbox.
    let outbox: OutboxLocation?
    var sql: any SQLDatabase { database as! any SQLDatabase }
    /// Where the reads of every request go (`ECFDatabases.reads`); writes and transactions use
    /// `database`.
    let reads: any SQLDatabase

    public init(database: any Database, outbox: OutboxLocation? = nil, reads: (any SQLDatabase)? = nil) {
        self.database = database
        self.outbox = outbox
        self.reads = reads ?? database as! any SQLDatabase
    }

    public func courtCase(_ id: CaseID) async throws -> CourtCase? {
        try await courtCaseAndRevision(id)?.courtCase
    }

    public func courtCaseAndRevision(_ id: CaseID) async throws -> (courtCase: CourtCase, docketRevision: Int64)? {
        guard let row = try await reads.raw("SELECT * FROM cases WHERE id = \(bind: id.rawValue)").first() else {
            return nil
        }
        return (try CaseRow(row: row).domain(), try row.decode(column: "docket_revision", as: Int64.self))
    }

    public func courtCase(number: CaseNumber) async throws -> CourtCase? {
        try await reads.select().column("*").from("cases").where("number_base", .equal, number.base)
            .first().map(CaseRow.init(row:))?.domain()
    }

    public func cases(participatedBy account: CourtAccountID) async throws -> [CourtCase] {
        try await reads.raw(
            "SELECT * FROM cases WHERE id IN (SELECT case_id FROM participations WHERE account_id = \(bind: account.rawValue)) ORDER BY id DESC"
        ).all().map(CaseRow.init(row:)).map { try $0.domain() }
    }

    public func payment(of caseID: CaseID, seq: Int) async throws -> Payment? {
        struct Row: Decodable {
            let receiptNumber: String
            let amountCents: Int
            let cardLastFour: String
            let paidAt: Date
        }
        return try await sql.select().column("*").from("payments").where("case_id", .equal, caseID.rawValue)
            .where("seq", .equal, seq).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map {
                Payment(
                    receiptNumber: $0.receiptNumber, amount: Money(cents: $0.amountCents),
                    cardLastFour: $0.cardLastFour, paidAt: $0.paidAt)
            }
    }

    public func entries(of caseID: CaseID) async throws -> [DocketEntry] {
        let documents = try await reads.select().column("*").from("documents").where("case_id", .equal, caseID.rawValue)
            .orderBy("entry_seq").orderBy("attachment").all().map(DocumentRow.init(row:))
        let byEntry = Dictionary(grouping: documents, by: \.entrySeq)
        return try await reads.select().column("*").from("docket_entries").where("case_id", .equal, caseID.rawValue)
            .orderBy("seq").all().map(EntryRow.init(row:))
            .map { row in try row.domain(documents: try (byEntry[row.seq] ?? []).map { try $0.domain() }) }
    }

    public func entries(of caseID: CaseID, _ filter: DocketFilter, zone: TimeZone, after: Int?, limit: Int)
        async throws -> [DocketEntry]
    {
        var conditions: [SQLQueryString] = ["case_id = \(bind: caseID.rawValue)"]
        let span = filter.filedSpan(in: zone)
        if let from = span.from { conditions.append("date_filed >= \(bind: from)") }
        if let before = span.before { conditions.append("date_filed < \(bind: before)") }
        if filter.documentFrom != nil || filter.documentTo != nil { conditions.append("number IS NOT NULL") }
        if let from = filter.documentFrom { conditions.append("number >= \(bind: from)") }
        if let to = filter.documentTo { conditions.append("number <= \(bind: to)") }
        if let after { conditions.append(filter.newestFirst ? "seq < \(bind: after)" : "seq > \(bind: after)") }
        let order: SQLQueryString = filter.newestFirst ? "seq DESC" : "seq ASC"
        let rows = try await reads.raw(
            "SELECT * FROM docket_entries WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(literal: limit)"
        ).all().map(EntryRow.init(row:))
        guard let first = rows.first?.seq, let last = rows.last?.seq else { return [] }
        let documents = try await reads.raw(
            "SELECT * FROM documents WHERE case_id = \(bind: caseID.rawValue) AND entry_seq >= \(bind: min(first, last)) AND entry_seq <= \(bind: max(first, last)) ORDER BY attachment"
        ).all().map(DocumentRow.init(row:))
        let byEntry = Dictionary(grouping: documents, by: \.entrySeq)
        return try rows.map { row in try row.domain(documents: try (byEntry[row.seq] ?? []).map { try $0.domain() }) }
    }

    public func entry(_ caseID: CaseID, seq: Int) async throws -> DocketEntry? {
        guard
            let row = try await reads.select().column("*").from("docket_entries")
                .where("case_id", .equal, caseID.rawValue).where("seq", .equal, seq)
                .first().map(EntryRow.init(row:))
        else { return nil }
        let documents = try await reads.select().column("*").from("documents").where("case_id", .equal, caseID.rawValue)
            .where("entry_seq", .equal, seq).orderBy("attachment")
            .all(decoding: DocumentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try row.domain(documents: try documents.map { try $0.domain() })
    }

    public func document(_ id: DocumentID) async throws -> (document: DocketDocument, entry: DocketEntry)? {
        guard
            let row = try await reads.select().column("*").from("documents").where("doc_id", .equal, id.rawValue)
                .first(decoding: DocumentRow.self, keyDecodingStrategy: .convertFromSnakeCase),
            let entry = try await reads.select().column("*").from("docket_entries")
                .where("case_id", .equal, row.caseId).where("seq", .equal, row.entrySeq)
                .first().map(EntryRow.init(row:))
        else { return nil }
        return (try row.domain(), try entry.domain(documents: []))
    }

    public func filing(forKey key: String) async throws -> DocketEntry? {
        struct Row: Decodable {
            let caseId: Int64
            let seq: Int
            enum CodingKeys: String, CodingKey {
                case caseId = "case_id"
                case seq
            }
        }
        guard
            let row = try await sql.select().column("case_id").column("seq").from("filing_keys")
                .where("key", .equal, key).first(decoding: Row.self)
        else { return nil }
        return try await entries(of: CaseID(row.caseId)).first { $0.seq == row.seq }
    }

    public func parties(of caseID: CaseID) async throws -> [Party] {
        try await reads.raw("SELECT * FROM parties WHERE case_id = \(bind: caseID.rawValue) ORDER BY id").all()
            .map(PartyRow.init(row:)).map { try $0.domain() }
    }

    public func participations(of caseID: CaseID) async throws -> [Participation] {
        try await reads.raw("SELECT * FROM participations WHERE case_id = \(bind: caseID.rawValue)").all()
            .map(ParticipationRow.init(row:)).map { $0.domain() }
    }

    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any DocketTransaction) async throws -> T)
        async throws -> T
    {
        try await database.transactionRingingOutbox(at: outbox) { transaction in
            try await body(SQLDocketTransaction(database: transaction))
        }
    }
}

struct SQLDocketTransaction: DocketTransaction {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func nextNumbers(of caseID: CaseID, numbered: Bool) async throws -> (seq: Int, number: Int?) {
        struct Row: Decodable {
            let lastSeq: Int
            let lastNumber: Int
            enum CodingKeys: String, CodingKey {
                case lastSeq = "last_seq"
                case lastNumber = "last_number"
            }
        }
        let step = numbered ? 1 : 0
        guard
            let row = try await sql.raw(
                "UPDATE cases SET last_seq = last_seq + 1, last_number = last_number + \(bind: step) WHERE id = \(bind: caseID.rawValue) RETURNING last_seq, last_number"
            ).first(decoding: Row.self)
        else { throw PersistenceError.corruptRow(table: "cases", detail: "no case \(caseID)") }
        return (row.lastSeq, numbered ? row.lastNumber : nil)
    }

    func nextCaseSequence(office: Int, year: Int, type: CaseType) async throws -> Int {
        let key = "\(office):\(Digits.padded(year, 2))-\(type.rawValue)"
        return try await upsertCounter(table: "case_sequences", keyColumn: "key", valueColumn: "last", key: key)
    }

    func nextDocumentNumber() async throws -> Int64 {
        Int64(
            try await upsertCounter(table: "court_counters", keyColumn: "name", valueColumn: "value", key: "document"))
    }

    /// Adds one to a named counter (created at 1), returning the new value; the row lock makes it
    /// safe under concurrent transactions.
    func upsertCounter(table: String, keyColumn: String, valueColumn: String, key: String) async throws -> Int {
        struct Row: Decodable { let value: Int }
        let query: SQLQueryString =
            "INSERT INTO \(ident: table) (\(ident: keyColumn), \(ident: valueColumn)) VALUES (\(bind: key), 1) ON CONFLICT (\(ident: keyColumn)) DO UPDATE SET \(ident: valueColumn) = \(ident: table).\(ident: valueColumn) + 1 RETURNING \(ident: valueColumn) AS value"
        guard let row = try await sql.raw(query).first(decoding: Row.self) else {
            throw PersistenceError.corruptRow(table: table, detail: key)
        }
        return row.value
    }

    func insert(caseWithNumber number: CaseNumber, _ draft: CourtCase) async throws -> CaseID {
        struct Row: Decodable { let id: Int64 }
        let row = try await sql.raw(
            """
            INSERT INTO cases (number, number_base, title, nature_of_suit, cause, jurisdiction, jury_demand, demand, \
            date_filed, date_terminated, restriction, chapter, last_seq, last_number) VALUES (\(bind: number.description), \
            \(bind: number.base), \(bind: draft.title), \(bind: draft.natureOfSuit?.code), \(bind: draft.cause), \
            \(bind: draft.jurisdiction), \(bind: draft.juryDemand), \(bind: draft.demand), \
            \(bind: draft.dateFiled.description), \(bind: draft.dateTerminated?.description), \
            \(bind: draft.restriction.rawValue), \(bind: draft.chapter?.rawValue), 0, 0) RETURNING id
            """
        ).first(decoding: Row.self)
        guard let row else { throw PersistenceError.corruptRow(table: "cases", detail: number.description) }
        return CaseID(row.id)
    }

    /// Raises the case's docket revision: every write below that changes what a docket shows
    /// calls it, in its own transaction (`DocketStore.courtCaseAndRevision`).
    func revise(_ caseID: CaseID) async throws {
        try await sql.raw(
            "UPDATE cases SET docket_revision = docket_revision + 1 WHERE id = \(bind: caseID.rawValue)"
        ).run()
    }

    func insert(_ entry: DocketEntry) async throws {
        try await revise(entry.caseID)
        try await sql.insert(into: "docket_entries")
            .model(EntryRow(entry), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        try await EntryTextIndex.court.put(entry.text, key: [entry.caseID.rawValue, entry.seq], on: sql)
        for document in entry.documents {
            try await sql.insert(into: "documents")
                .model(
                    DocumentRow(document, entry: entry), keyEncodingStrategy: .convertToSnakeCase,
                    nilEncodingStrategy: .asNil
                ).run()
        }
    }

    func insert(party name: String, type: PartyType, in caseID: CaseID) async throws -> Int64 {
        struct Row: Decodable { let id: Int64 }
        guard
            let row = try await sql.raw(
                "INSERT INTO parties (case_id, name, type) VALUES (\(bind: caseID.rawValue), \(bind: name), \(bind: type.rawValue)) RETURNING id"
            ).first(decoding: Row.self)
        else { throw PersistenceError.corruptRow(table: "parties", detail: name) }
        try await PartyKeyRows.insert(name, party: row.id, case: caseID.rawValue, on: sql)
        return row.id
    }

    func insert(_ participation: Participation) async throws {
        try await sql.insert(into: "participations")
            .model(
                ParticipationRow(participation), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
    }

    func replaceText(of caseID: CaseID, seq: Int, with text: String, at instant: Date, by actor: String) async throws
        -> Bool
    {
        struct Row: Decodable { let text: String }
        guard
            let old = try await sql.select().column("text").from("docket_entries")
                .where("case_id", .equal, caseID.rawValue).where("seq", .equal, seq).first(decoding: Row.self)
        else { return false }
        try await sql.raw(
            "INSERT INTO docket_text_history (case_id, seq, text, replaced_at, replaced_by) VALUES (\(bind: caseID.rawValue), \(bind: seq), \(bind: old.text), \(bind: instant), \(bind: actor))"
        ).run()
        try await sql.update("docket_entries").set("text", to: text).set("modified_at", to: instant)
            .where("case_id", .equal, caseID.rawValue).where("seq", .equal, seq).run()
        try await revise(caseID)
        try await EntryTextIndex.court.put(text, key: [caseID.rawValue, seq], replacing: true, on: sql)
        return true
    }

    func terminate(party: Int64, in caseID: CaseID, on day: DateOnly?) async throws -> Bool {
        struct Row: Decodable { let id: Int64 }
        return try await sql.raw(
            "UPDATE parties SET date_terminated = \(bind: day?.description) WHERE id = \(bind: party) AND case_id = \(bind: caseID.rawValue) RETURNING id"
        ).all(decoding: Row.self).count == 1
    }

    func strike(_ caseID: CaseID, seq: Int, at instant: Date) async throws -> Bool {
        struct Row: Decodable { let seq: Int }
        let found =
            try await sql.raw(
                "UPDATE docket_entries SET stricken_at = \(bind: instant) WHERE case_id = \(bind: caseID.rawValue) AND seq = \(bind: seq) RETURNING seq"
            ).all(decoding: Row.self).count == 1
        if found { try await revise(caseID) }
        return found
    }

    func restrict(_ caseID: CaseID, seq: Int, to restriction: Restriction) async throws -> Bool {
        struct Row: Decodable { let seq: Int }
        let found =
            try await sql.raw(
                "UPDATE docket_entries SET restriction = \(bind: restriction.rawValue) WHERE case_id = \(bind: caseID.rawValue) AND seq = \(bind: seq) RETURNING seq"
            ).all(decoding: Row.self).count == 1
        if found {
            try await sql.update("documents").set("restriction", to: restriction.rawValue)
                .where("case_id", .equal, caseID.rawValue).where("entry_seq", .equal, seq).run()
            try await revise(caseID)
        }
        return found
    }

    func restrict(document: DocumentID, in caseID: CaseID, to restriction: Restriction) async throws -> Bool {
        struct Row: Decodable { let seq: Int }
        let found =
            try await sql.raw(
                "UPDATE documents SET restriction = \(bind: restriction.rawValue) WHERE case_id = \(bind: caseID.rawValue) AND doc_id = \(bind: document.rawValue) RETURNING entry_seq AS seq"
            ).all(decoding: Row.self).count == 1
        if found { try await revise(caseID) }
        return found
    }

    func restrict(_ caseID: CaseID, to restriction: Restriction) async throws -> Bool {
        struct Row: Decodable { let id: Int64 }
        return try await sql.raw(
            "UPDATE cases SET restriction = \(bind: restriction.rawValue), docket_revision = docket_revision + 1 WHERE id = \(bind: caseID.rawValue) RETURNING id"
        ).all(decoding: Row.self).count == 1
    }

    func remember(_ entry: DocketEntry, forKey key: String) async throws {
        try await sql.raw(
            "INSERT INTO filing_keys (\(ident: "key"), case_id, seq) VALUES (\(bind: key), \(bind: entry.caseID.rawValue), \(bind: entry.seq))"
        ).run()
    }

    func insert(_ payment: Payment, for entry: DocketEntry, by account: CourtAccountID) async throws {
        try await sql.raw(
            """
            INSERT INTO payments (receipt_number, case_id, seq, account_id, amount_cents, card_last_four, paid_at) \
            VALUES (\(bind: payment.receiptNumber), \(bind: entry.caseID.rawValue), \(bind: entry.seq), \
            \(bind: account.rawValue), \(bind: payment.amount.cents), \(bind: payment.cardLastFour), \(bind: payment.paidAt))
            """
        ).run()
    }

    func enqueue(_ message: OutboxMessage) async throws {
        try await SQLOutboxStore(database: database).enqueue(message)
    }

    func enqueue(_ messages: [OutboxMessage]) async throws {
        try await SQLOutboxStore(database: database).enqueue(messages)
    }
}
