import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// The national case locator in the PSC's database: each court's cases as last published, with
/// their party-name keys.
public struct SQLCaseLocator: CaseLocator {
    let database: any Database
    /// Where searches run, in turn: the PSC's read-only connections (`ECFDatabases.pscReaders`), so
    /// they go on while the PSC's connection commits, and side by side. A search sees the locator
    /// as of its last commit.
    let readers: [any SQLDatabase]
    let turns = Turns()

    /// - Parameter readers: the databases searches read; the PSC's own when none are given.
    public init(database: any Database, readers: [any SQLDatabase] = []) {
        self.database = database
        self.readers = readers.isEmpty ? [database as! any SQLDatabase] : readers
    }

    /// The reader whose turn it is.
    var reader: any SQLDatabase {
        readers[turns.next(of: readers.count)]
    }

    /// A count shared by the copies of a locator, to take the readers in turn.
    final class Turns: Sendable {
        private let taken = Atomic<UInt>(0)

        func next(of count: Int) -> Int {
            Int(taken.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(count))
        }
    }

    public func search(_ search: CaseSearch) async throws -> CaseSearchPage {
        try await CaseSearchSQL.locator.run(search, seesSealed: false, on: reader)
    }

    public func searchText(_ search: DocketTextSearch) async throws -> DocketTextPage {
        var filed: [SQLQueryString] = []
        if let from = search.filedFrom { filed.append("e.day_filed >= \(bind: from.description)") }
        if let to = search.filedTo { filed.append("e.day_filed <= \(bind: to.description)") }
        return try await DocketTextSearchSQL.locator.run(search, filed: filed, seesRestricted: false, on: reader)
    }

    public func publish(entries: [Int: LocatorEntry?], court: CourtID, caseID: CaseID) async throws {
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            for (seq, entry) in entries.sorted(by: { $0.key < $1.key }) {
                try await Self.remove(court: court.rawValue, caseID: caseID.rawValue, seq: seq, on: sql)
                if let entry { try await Self.insert(entry, on: sql) }
            }
        }
    }

    /// Removes the case's entries (all, or the one with this sequence number).
    static func remove(court: String, caseID: Int64, seq: Int?, on sql: any SQLDatabase) async throws {
        var delete = sql.delete(from: "locator_entries").where("court", .equal, court).where("case_id", .equal, caseID)
        if let seq {
            delete = delete.where("seq", .equal, seq)
            try await EntryTextIndex.locator.remove(key: [court, caseID, seq], on: sql)
        } else {
            try await EntryTextIndex.locator.removeCase(court: court, caseID: caseID, on: sql)
        }
        try await delete.run()
    }

    static func insert(_ entry: LocatorEntry, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "locator_entries")
            .columns("court", "case_id", "seq", "number", "date_filed", "day_filed", "text", "restriction")
            .values(
                SQLBind(entry.court.rawValue), SQLBind(entry.caseID.rawValue), SQLBind(entry.seq),
                SQLBind(entry.number), SQLBind(entry.dateFiled), SQLBind(entry.dayFiled.description),
                SQLBind(entry.text), SQLBind(Restriction.public.rawValue)
            ).run()
        try await EntryTextIndex.locator.put(
            entry.text, key: [entry.court.rawValue, entry.caseID.rawValue, entry.seq], on: sql)
    }

    /// How many entries one transaction of a whole case's publication writes.
    static let entriesPerTransaction = 500

    /// Replaces the case's row, keys and entries: the row, the keys and the first entries in one
    /// transaction, the rest of the entries in further transactions of `entriesPerTransaction`.
    /// The PSC's database has one connection (`ECFDatabases`): a 50,000-entry case written in one
    /// transaction held it for most of a minute, and every sign-in, search and bill waited
    /// behind it. Meanwhile the locator shows the case with part of its entries; a failure part
    /// way is retried from the start, which replaces them all again.
    public func publish(_ record: LocatorRecord, at instant: Date) async throws {
        let court = record.court.rawValue
        let id = record.caseID.rawValue
        let size = Self.entriesPerTransaction
        let parts = record.entries.isEmpty ? [record.entries[...]] : record.entries.slices(of: size)
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            try await sql.delete(from: "locator_keys").where("court", .equal, court).where("case_id", .equal, id).run()
            try await sql.delete(from: "locator_cases").where("court", .equal, court).where("case_id", .equal, id)
                .run()
            try await sql.insert(into: "locator_cases")
                .columns(
                    "court", "case_id", "number", "number_base", "title", "nature_of_suit", "date_filed",
                    "date_terminated", "restriction", "updated_at"
                )
                .values(
                    SQLBind(court), SQLBind(id), SQLBind(record.number), SQLBind(record.numberBase),
                    SQLBind(record.title), SQLBind(record.natureOfSuit), SQLBind(record.dateFiled.description),
                    SQLBind(record.dateTerminated?.description), SQLBind(record.restriction.rawValue),
                    SQLBind(instant)
                ).run()
            for key in Set(record.partyNames.flatMap(PartyNameKeys.keys)) {
                try await sql.insert(into: "locator_keys").columns("court", "case_id", "key", "date_filed")
                    .values(SQLBind(court), SQLBind(id), SQLBind(key), SQLBind(record.dateFiled.description)).run()
            }
            try await Self.remove(court: court, caseID: id, seq: nil, on: sql)
            for entry in parts[0] { try await Self.insert(entry, on: sql) }
        }
        for part in parts.dropFirst() {
            try await database.transaction { transaction in
                for entry in part { try await Self.insert(entry, on: transaction as! any SQLDatabase) }
            }
        }
    }
}
