import ECFDomain
import FluentKit
import Foundation
import SQLKit

/// Writes made-up dockets (`openecf generate`) straight into a court's database and the PSC's
/// national locator, many rows a statement and a batch a transaction: the cases, their parties
/// and name keys, attorneys' participations, entries with their documents and full-text index,
/// and what the locator would have learnt of each case. It skips the services (no outbox, no
/// notices): for benchmarks and demos at scale, never a real court.
public struct BulkDocketWriter: Sendable {
    /// Where the court's ids go on from: the next case id, party id and document number, and the
    /// last case sequence of each office, year and type.
    public struct Start: Sendable {
        public var caseID: Int64
        public var partyID: Int64
        public var documentNumber: Int64
        public var sequences: [String: Int]

        /// The counter key of a case sequence, as the docket store keeps it.
        public static func sequenceKey(office: Int, year: Int, type: CaseType) -> String {
            "\(office):\(Digits.padded(year, 2))-\(type.rawValue)"
        }
    }

    /// One transaction's worth: whole cases with everything in them.
    public struct Batch: Sendable {
        public var cases: [CourtCase] = []
        public var parties: [Party] = []
        public var participations: [Participation] = []
        public var entries: [DocketEntry] = []

        public init() {}

        public var isEmpty: Bool { cases.isEmpty }

        /// Each entry's text as the full-text indexes hold it (`PartyNameKeys.normalize`), by case
        /// and sequence number.
        func indexedWords() -> IndexedWords {
            var words: [CaseID: [Int: String]] = [:]
            for entry in entries { words[entry.caseID, default: [:]][entry.seq] = PartyNameKeys.normalize(entry.text) }
            return IndexedWords(byCase: words)
        }
    }

    public let court: CourtID
    let courtDatabase: any Database
    let pscDatabase: any Database

    public init(databases: ECFDatabases, court: CourtID) async throws {
        self.court = court
        courtDatabase = try await databases.court(court)
        pscDatabase = try await databases.psc()
    }

    /// Where the court's ids go on from; its connection gets the generator's page cache and log until
    /// `finish`.
    public func start() async throws -> Start {
        try await useBulkSettings()
        let sql = courtDatabase as! any SQLDatabase
        struct Maximum: Decodable { let value: Int64? }
        func maximum(_ query: SQLQueryString) async throws -> Int64 {
            try await sql.raw(query).first(decoding: Maximum.self)?.value ?? 0
        }
        struct Sequence: Decodable {
            let key: String
            let last: Int
        }
        let sequences = try await sql.select().columns("key", "last").from("case_sequences").all(
            decoding: Sequence.self)
        return Start(
            caseID: try await maximum("SELECT MAX(id) AS value FROM cases") + 1,
            partyID: try await maximum("SELECT MAX(id) AS value FROM parties") + 1,
            documentNumber: try await maximum(
                "SELECT MAX(value) AS value FROM court_counters WHERE name = \(bind: "document")") + 1,
            sequences: Dictionary(uniqueKeysWithValues: sequences.map { ($0.key, $0.last) }))
    }

    /// Stores attorney accounts (without a password: they sign in only once linked).
    public func insert(accounts: [CourtAccount]) async throws {
        try await courtDatabase.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await Self.insertModels(accounts.map { CourtAccountRow($0) }, into: CourtAccountRow.table, on: sql)
        }
    }

    /// Writes a batch into the court's database, then into the locator, each in one transaction.
    public func write(_ batch: Batch) async throws {
        let words = try await writeToCourt(batch)
        try await writeToLocator(batch, words: words)
    }

    /// Writes a batch into the court's database in one transaction; what the full-text index
    /// holds of each entry's text, for `writeToLocator`.
    public func writeToCourt(_ batch: Batch) async throws -> IndexedWords {
        guard !batch.isEmpty else { return IndexedWords(byCase: [:]) }
        // Worked out once for the court's full-text index and the locator's.
        let words = batch.indexedWords()
        try await courtDatabase.transaction { transaction in
            try await writeCourt(batch, words: words.byCase, on: transaction as! any SQLDatabase)
        }
        return words
    }

    /// Writes what the national locator learns of a batch, in one transaction (one writer at a
    /// time: the PSC's tables are shared by every court). With a `backlog` (SQLite), the entries'
    /// words wait there and are indexed with others' when enough of them wait.
    public func writeToLocator(_ batch: Batch, words: IndexedWords, backlog: LocatorTextBacklog? = nil)
        async throws
    {
        guard !batch.isEmpty else { return }
        let waiting = try await pscDatabase.transaction { transaction in
            try await writeLocator(
                batch, words: words.byCase, indexing: backlog == nil, on: transaction as! any SQLDatabase)
        }
        if let backlog, let waiting, backlog.add(waiting.rows, bytes: waiting.bytes) {
            try await backlog.flush(to: pscDatabase)
        }
    }

    /// Each entry's text as the full-text indexes hold it, by case and sequence number.
    public struct IndexedWords: Sendable {
        let byCase: [CaseID: [Int: String]]
    }

    /// Keeps the counters past what was written, so that the court's next case and document
    /// numbers follow on, refreshes the planner's statistics of the court's database and gives
    /// its connection the server's page cache and log back.
    public func finish(_ next: Start) async throws {
        try await courtDatabase.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            for (key, last) in next.sequences {
                try await Self.setCounter("case_sequences", key: ("key", key), value: ("last", Int64(last)), on: sql)
            }
            try await Self.setCounter(
                "court_counters", key: ("name", "document"), value: ("value", next.documentNumber - 1), on: sql)
            if EntryTextIndex.isPostgres(sql) {
                // Rows written with their ids: the identity columns go on after them.
                for table in ["cases", "parties"] {
                    try await sql.raw(
                        "SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), (SELECT COALESCE(MAX(id), 1) FROM \(ident: table)))"
                    ).run()
                }
            }
        }
        try await (courtDatabase as! any SQLDatabase).raw("ANALYZE").run()
        try await useServerSettings()
    }

    func writeCourt(_ batch: Batch, words: [CaseID: [Int: String]], on sql: any SQLDatabase) async throws {
        var lastSeq: [CaseID: Int] = [:]
        var lastNumber: [CaseID: Int] = [:]
        for entry in batch.entries {
            lastSeq[entry.caseID] = max(lastSeq[entry.caseID] ?? 0, entry.seq)
            if let number = entry.number { lastNumber[entry.caseID] = max(lastNumber[entry.caseID] ?? 0, number) }
        }
        let cases: [[any SQLExpression]] = batch.cases.map { courtCase in
            [
                SQLBind(courtCase.id.rawValue), SQLBind(courtCase.number.description), SQLBind(courtCase.number.base),
                SQLBind(courtCase.title), SQLBind(courtCase.natureOfSuit?.code), SQLBind(courtCase.cause),
                SQLBind(courtCase.jurisdiction), SQLBind(courtCase.juryDemand), SQLBind(courtCase.demand),
                SQLBind(courtCase.dateFiled.description), SQLBind(courtCase.dateTerminated?.description),
                SQLBind(courtCase.restriction.rawValue), SQLBind(courtCase.chapter?.rawValue),
                SQLBind(lastSeq[courtCase.id] ?? 0), SQLBind(lastNumber[courtCase.id] ?? 0),
            ]
        }
        try await RowInserts.insertRows(
            into: "cases",
            columns: [
                "id", "number", "number_base", "title", "nature_of_suit", "cause", "jurisdiction", "jury_demand",
                "demand", "date_filed", "date_terminated", "restriction", "chapter", "last_seq", "last_number",
            ], cases, on: sql)
        try await RowInserts.insertRows(
            into: "parties", columns: ["id", "case_id", "name", "type", "date_terminated"],
            batch.parties.map {
                [
                    SQLBind($0.id), SQLBind($0.caseID.rawValue), SQLBind($0.name), SQLBind($0.type.rawValue),
                    SQLBind($0.dateTerminated?.description),
                ]
            }, on: sql)
        try await RowInserts.insertRows(
            into: "party_keys", columns: ["case_id", "party_id", "key"],
            batch.parties.flatMap { party in
                Set(PartyNameKeys.keys(party.name)).sorted().map {
                    [SQLBind(party.caseID.rawValue), SQLBind(party.id), SQLBind($0)] as [any SQLExpression]
                }
            }, on: sql)
        try await Self.insertModels(batch.participations.map(ParticipationRow.init), into: "participations", on: sql)
        let firstRow = try await Self.nextRowID(of: "docket_entries", on: sql)
        // Columns bound one by one: encoding rows as models costs more than the database does.
        try await RowInserts.insertRows(
            into: "docket_entries",
            columns: [
                "case_id", "seq", "number", "date_filed", "date_entered", "text", "event_id", "filed_by", "restriction",
            ],
            batch.entries.map { entry in
                [
                    SQLBind(entry.caseID.rawValue), SQLBind(entry.seq), SQLBind(entry.number), SQLBind(entry.dateFiled),
                    SQLBind(entry.dateEntered), SQLBind(entry.text), SQLBind(entry.eventID),
                    SQLBind(entry.filedBy?.rawValue), SQLBind(entry.restriction.rawValue),
                ]
            }, on: sql)
        try await Self.index(
            EntryTextIndex.court,
            batch.entries.map { ([$0.caseID.rawValue, $0.seq], words[$0.caseID]?[$0.seq] ?? "") },
            firstRow: firstRow, on: sql)
        try await RowInserts.insertRows(
            into: "documents",
            columns: [
                "doc_id", "case_id", "entry_seq", "attachment", "description", "original_file_name", "pages", "bytes",
                "sha256", "restriction",
            ],
            batch.entries.flatMap { entry in
                entry.documents.map { document in
                    [
                        SQLBind(document.id.rawValue), SQLBind(entry.caseID.rawValue), SQLBind(entry.seq),
                        SQLBind(document.attachment), SQLBind(document.description),
                        SQLBind(document.originalFileName), SQLBind(document.pages), SQLBind(document.bytes),
                        SQLBind(document.sha256), SQLBind(document.restriction.rawValue),
                    ] as [any SQLExpression]
                }
            }, on: sql)
    }

    /// Returns the locator's rows whose words were not indexed, with the words' bytes (all of them
    /// when not `indexing`, on SQLite).
    func writeLocator(_ batch: Batch, words: [CaseID: [Int: String]], indexing: Bool = true, on sql: any SQLDatabase)
        async throws -> (rows: ClosedRange<Int64>, bytes: Int)?
    {
        let partiesByCase = Dictionary(grouping: batch.parties, by: \.caseID)
        let entriesByCase = Dictionary(grouping: batch.entries, by: \.caseID)
        let records = batch.cases.map {
            LocatorRecord(
                court: court, courtCase: $0, parties: partiesByCase[$0.id] ?? [], entries: entriesByCase[$0.id] ?? [])
        }
        let now = Date()
        try await RowInserts.insertRows(
            into: "locator_cases",
            columns: [
                "court", "case_id", "number", "number_base", "title", "nature_of_suit", "date_filed",
                "date_terminated", "restriction", "updated_at",
            ],
            records.map { record in
                [
                    SQLBind(record.court.rawValue), SQLBind(record.caseID.rawValue), SQLBind(record.number),
                    SQLBind(record.numberBase), SQLBind(record.title), SQLBind(record.natureOfSuit),
                    SQLBind(record.dateFiled.description), SQLBind(record.dateTerminated?.description),
                    SQLBind(record.restriction.rawValue), SQLBind(now),
                ]
            }, on: sql)
        try await RowInserts.insertRows(
            into: "locator_keys", columns: ["court", "case_id", "key", "date_filed"],
            records.flatMap { record in
                Set(record.partyNames.flatMap(PartyNameKeys.keys)).sorted().map {
                    [
                        SQLBind(record.court.rawValue), SQLBind(record.caseID.rawValue), SQLBind($0),
                        SQLBind(record.dateFiled.description),
                    ] as [any SQLExpression]
                }
            }, on: sql)
        let entries = records.flatMap(\.entries)
        let firstRow = try await Self.nextRowID(of: "locator_entries", on: sql)
        try await RowInserts.insertRows(
            into: "locator_entries",
            columns: ["court", "case_id", "seq", "number", "date_filed", "day_filed", "text", "restriction"],
            entries.map { entry in
                [
                    SQLBind(entry.court.rawValue), SQLBind(entry.caseID.rawValue), SQLBind(entry.seq),
                    SQLBind(entry.number), SQLBind(entry.dateFiled), SQLBind(entry.dayFiled.description),
                    SQLBind(entry.text), SQLBind(Restriction.public.rawValue),
                ]
            }, on: sql)
        guard !indexing, !EntryTextIndex.isPostgres(sql), !entries.isEmpty else {
            let texts: [(key: [any Encodable & Sendable], words: String)] = entries.map {
                ([$0.court.rawValue, $0.caseID.rawValue, $0.seq], words[$0.caseID]?[$0.seq] ?? "")
            }
            try await Self.index(EntryTextIndex.locator, texts, firstRow: firstRow, on: sql)
            return nil
        }
        let bytes = entries.reduce(0) { $0 + (words[$1.caseID]?[$1.seq]?.utf8.count ?? 0) }
        return (firstRow...firstRow + Int64(entries.count - 1), bytes)
    }

    /// SQLite's next rowid of a table written by one transaction alone: rows inserted without a
    /// rowid take the largest one plus one, in order.
    static func nextRowID(of table: String, on sql: any SQLDatabase) async throws -> Int64 {
        guard !EntryTextIndex.isPostgres(sql) else { return 0 }
        struct Maximum: Decodable { let value: Int64? }
        return try await sql.raw("SELECT MAX(rowid) AS value FROM \(ident: table)").first(decoding: Maximum.self)?
            .value.map { $0 + 1 } ?? 1
    }

    /// Indexes the words of entries just written to the index's entries table (SQLite: from
    /// `firstRow` on, in the same order).
    static func index(
        _ index: EntryTextIndex, _ texts: [(key: [any Encodable & Sendable], words: String)], firstRow: Int64,
        on sql: any SQLDatabase
    ) async throws {
        if EntryTextIndex.isPostgres(sql) {
            try await RowInserts.insertRows(
                into: index.table, columns: index.keys + ["words"],
                texts.map { key, words in
                    key.map { SQLBind($0) as any SQLExpression } + [
                        SQLFunction("to_tsvector", args: SQLLiteral.string("simple"), SQLBind(words))
                    ]
                }, on: sql)
        } else {
            try await RowInserts.insertRows(
                into: index.table, columns: ["rowid", "words"],
                texts.enumerated().map { offset, item in [SQLBind(firstRow + Int64(offset)), SQLBind(item.words)] },
                on: sql)
        }
    }

    static func insertModels<Row: Encodable & Sendable>(_ rows: [Row], into table: String, on sql: any SQLDatabase)
        async throws
    {
        guard let first = rows.first else { return }
        let columns = try SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .encode(first).count
        let perStatement = max(1, RowInserts.parametersPerStatement / columns)
        for slice in rows.slices(of: perStatement) {
            try await sql.insert(into: table)
                .models(Array(slice), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        }
    }

    static func setCounter(
        _ table: String, key: (column: String, value: String), value: (column: String, value: Int64),
        on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            "INSERT INTO \(ident: table) (\(ident: key.column), \(ident: value.column)) VALUES (\(bind: key.value), \(bind: value.value)) ON CONFLICT (\(ident: key.column)) DO UPDATE SET \(ident: value.column) = \(bind: value.value)"
        ).run()
    }
}
