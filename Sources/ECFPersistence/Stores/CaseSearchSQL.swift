import ECFDomain
import Foundation
import SQLKit

/// One search over a table of cases and a table of their party-name keys, shared by a court's
/// own search (its `cases` and `party_keys`) and the national locator (`locator_cases` and
/// `locator_keys`, which add a `court` column): newest first, a page at a time after a cursor.
struct CaseSearchSQL {
    let cases: String
    let keys: String
    let idColumn: String
    /// The index of `cases` by date filed (M0014, M0015).
    let dateIndex: String
    /// The court column of the locator's tables; a court's own tables have none.
    let courtColumn: String?
    /// The court whose own tables these are (ignored for the locator).
    let court: CourtID?
    /// Whether a narrow name's newest cases are first taken from its keys' dates: only the
    /// locator's keys carry their case's date filed, in an index of key, date, court and case
    /// (M0024). A variable so that the plans' test can search the locator without it too.
    var fromDatedKeys: Bool
    /// Whether these are the locator's tables, which also index their cases by their number's
    /// year and sequence (M0025).
    var isLocator: Bool { courtColumn != nil }
    /// How many keys a name must begin to be searched from the newest case down (see `run`).
    var broadName = Self.broadNameKeys
    /// How many distinct keys a name may begin in the locator for its newest cases to be taken
    /// key by key (`runKeyByKey`, SQLite); 0 for never. A variable for the plans' test.
    var keysOneByOne = Self.keysOneByOneAtMost

    /// A party name that begins this many keys is "broad": its cases are found by going through
    /// the cases newest first and keeping those with a matching key, which stops after a page;
    /// a narrower one, by collecting its cases from the keys' index and sorting them. Measured
    /// on 1,000,000 cases (P3 in BENCHMARKS.md): a name of 2,000 keys takes 15 ms the second way
    /// and 100 ms the first; one of 110,000 keys, 530 ms and 6 ms; the two meet near 5,000.
    /// With a case number, or a court named in the locator, the second way always: going through
    /// the cases by date would look at thousands for each it keeps.
    static let broadNameKeys = 5_000

    static func court(_ id: CourtID) -> CaseSearchSQL {
        CaseSearchSQL(
            cases: "cases", keys: "party_keys", idColumn: "id", dateIndex: "cases_date_filed", courtColumn: nil,
            court: id, fromDatedKeys: false)
    }

    static let locator = CaseSearchSQL(
        cases: "locator_cases", keys: "locator_keys", idColumn: "case_id", dateIndex: "locator_cases_date_filed",
        courtColumn: "court", court: nil, fromDatedKeys: true)

    /// Keys beginning with `prefix`: in PostgreSQL a `LIKE` its pattern index serves (M0022), in
    /// SQLite a byte range of the key's own index (its `LIKE` ignores case, so no index serves it).
    static func prefix(_ prefix: String, on sql: any SQLDatabase) -> SQLQueryString {
        if EntryTextIndex.isPostgres(sql) {
            let escaped = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            return "k.key LIKE \(bind: escaped + "%")"
        }
        return "k.key >= \(bind: prefix) AND k.key < \(bind: pastKeys(beginning: prefix))"
    }

    /// A string greater than every key beginning with `prefix` and less than any other key
    /// greater than `prefix` (SQLite compares keys byte by byte, and U+10FFFF is the last code point).
    static func pastKeys(beginning prefix: String) -> String { prefix + "\u{10FFFF}" }

    /// Whether `party` begins at least `broadName` keys: counted in the keys' index, and no further.
    func isBroad(_ party: String, on sql: any SQLDatabase) async throws -> Bool {
        struct Count: Decodable { let keys: Int }
        let count = try await sql.raw(
            "SELECT count(*) AS keys FROM (SELECT 1 FROM \(ident: keys) k WHERE \(Self.prefix(party, on: sql)) LIMIT \(literal: broadName)) AS matching"
        ).first(decoding: Count.self)
        return (count?.keys ?? 0) >= broadName
    }

    struct Row {
        let court: String
        let caseId: Int64
        let number: String
        let title: String
        let dateFiled: String
        let dateTerminated: String?
        let restriction: String

        /// Column by column: `Codable` with snake-case keys converted each key on every row.
        init(row: any SQLRow) throws {
            court = try row.decode(column: "court", as: String.self)
            caseId = try row.decode(column: "case_id", as: Int64.self)
            number = try row.decode(column: "number", as: String.self)
            title = try row.decode(column: "title", as: String.self)
            dateFiled = try row.decode(column: "date_filed", as: String.self)
            dateTerminated = try row.decode(column: "date_terminated", as: String?.self)
            restriction = try row.decode(column: "restriction", as: String.self)
        }
    }

    /// - Parameter seesSealed: court staff; everyone else finds a sealed case only by its number or
    ///   dates, and sees only its number.
    func run(_ search: CaseSearch, seesSealed: Bool, on sql: any SQLDatabase) async throws -> CaseSearchPage {
        guard let party = search.party else {
            return try await run(search, seesSealed: seesSealed, among: nil, broad: false, on: sql)
        }
        if fromDatedKeys, search.number == nil, keysOneByOne > 0, !EntryTextIndex.isPostgres(sql),
            let page = try await runKeyByKey(party, of: search, seesSealed: seesSealed, on: sql)
        {
            return page
        }
        let narrowedElsewhere = search.number != nil || (courtColumn != nil && search.court != nil)
        let broad = narrowedElsewhere ? false : try await isBroad(party, on: sql)
        if fromDatedKeys, search.number == nil, !broad {
            // The newest of the name's keys first, from the index alone; their cases are read and
            // checked. When they hold a whole page and the next page's first case, those are the
            // answer (a case that would belong among them has a key among the keys taken);
            // otherwise the search is made the other way.
            let newest = newestKeys(party, of: search, pageSize: search.limit + 1, on: sql)
            let page = try await run(search, seesSealed: seesSealed, among: .keys(newest), broad: false, on: sql)
            if page.next != nil { return page }
        }
        return try await run(search, seesSealed: seesSealed, among: nil, broad: broad, on: sql)
    }

    /// The court and case of the locator's newest keys beginning with `party`, within the search's
    /// court, dates and cursor: twice a page of them, from the index of key, date, court and case.
    func newestKeys(_ party: String, of search: CaseSearch, pageSize: Int, on sql: any SQLDatabase)
        -> SQLQueryString
    {
        let conditions = [Self.prefix(party, on: sql)] + keyConditions(of: search)
        return
            "SELECT k.court, k.case_id FROM \(ident: keys) k WHERE \(conditions.joined(separator: " AND ")) ORDER BY k.date_filed DESC, k.court DESC, k.case_id DESC LIMIT \(literal: pageSize * 2)"
    }

    /// What the search's court, dates and cursor ask of the locator's keys (`k`), which carry
    /// their case's court and date filed.
    func keyConditions(of search: CaseSearch) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if let court = search.court { conditions.append("k.court = \(bind: court.rawValue)") }
        if let from = search.filedFrom { conditions.append("k.date_filed >= \(bind: from.description)") }
        if let to = search.filedTo { conditions.append("k.date_filed <= \(bind: to.description)") }
        if let after = search.after {
            // As a row value, which SQLite and PostgreSQL both take as a range of the key's index.
            conditions.append(
                "(k.date_filed, k.court, k.case_id) < (\(bind: after.dateFiled.description), \(bind: after.court), \(bind: after.caseID))"
            )
        }
        return conditions
    }

    /// The cases a search looks among, when not all those its terms find.
    enum Among {
        /// Those whose court and case are in the answer of this query.
        case keys(SQLQueryString)
        /// These, looked up one by one (the locator's only).
        case listed([KeyedCase])
    }

    /// - Parameters:
    ///   - among: the cases to look among; nil for every case the search's terms find.
    ///   - broad: whether the party's name is broad (`isBroad`): its cases are then found newest first.
    func run(
        _ search: CaseSearch, seesSealed: Bool, among: Among?, broad: Bool, on sql: any SQLDatabase
    ) async throws -> CaseSearchPage {
        let courtExpression: SQLQueryString =
            courtColumn.map { "c.\(ident: $0)" } ?? "\(literal: court?.rawValue ?? "")"
        var conditions: [SQLQueryString] = []
        if let courtColumn, let court = search.court {
            conditions.append("c.\(ident: courtColumn) = \(bind: court.rawValue)")
        }
        if let number = search.number {
            conditions.append("c.number_base LIKE \(bind: number.likePattern)")
            // The locator's index of its cases' year and sequence (M0025) finds the few that
            // share them; the pattern then decides.
            if isLocator {
                conditions.append(
                    "\(M0025_AddLocatorNumberIndex.yearAndSequence(on: sql)) = \(bind: number.yearAndSequence)")
            }
        }
        var fromNewest = false
        // A case's columns as its keys name it.
        let columns: SQLQueryString =
            courtColumn.map { "(c.\(ident: $0), c.\(ident: idColumn))" } ?? "c.\(ident: idColumn)"
        if case .keys(let newest) = among {
            conditions.append("\(columns) IN (\(newest))")
        } else if among == nil, let party = search.party {
            fromNewest = broad
            if fromNewest {
                // Case by case, newest first, each checked by the keys' index of its own case.
                let sameCourt: SQLQueryString = courtColumn.map { "k.\(ident: $0) = c.\(ident: $0) AND " } ?? ""
                conditions.append(
                    "EXISTS (SELECT 1 FROM \(ident: keys) k WHERE \(sameCourt)k.case_id = c.\(ident: idColumn) AND \(Self.prefix(party, on: sql)))"
                )
            } else {
                // From the keys' index to the cases, not case by case through every case: the
                // cases whose keys begin with the name, found by index.
                let keyColumns: SQLQueryString = courtColumn.map { "k.\(ident: $0), k.case_id" } ?? "k.case_id"
                conditions.append(
                    "\(columns) IN (SELECT \(keyColumns) FROM \(ident: keys) k WHERE \(Self.prefix(party, on: sql)))")
            }
        }
        if let nature = search.natureOfSuit { conditions.append("c.nature_of_suit = \(bind: nature.code)") }
        if let from = search.filedFrom { conditions.append("c.date_filed >= \(bind: from.description)") }
        if let to = search.filedTo { conditions.append("c.date_filed <= \(bind: to.description)") }
        switch search.status {
        case .open: conditions.append("c.date_terminated IS NULL")
        case .closed: conditions.append("c.date_terminated IS NOT NULL")
        case nil: break
        }
        if !seesSealed, search.asksWhatSealingHides {
            conditions.append("c.restriction <> \(bind: Restriction.sealed.rawValue)")
        }
        if let after = search.after {
            let date = after.dateFiled.description
            conditions.append(
                "(c.date_filed < \(bind: date) OR (c.date_filed = \(bind: date) AND (\(courtExpression) < \(bind: after.court) OR (\(courtExpression) = \(bind: after.court) AND c.\(ident: idColumn) < \(bind: after.caseID)))))"
            )
        }
        var query: SQLQueryString =
            "SELECT \(courtExpression) AS court, c.\(ident: idColumn) AS case_id, c.number, c.title, c.date_filed, c.date_terminated, c.restriction FROM "
        if case .listed(let listed) = among {
            // Each listed case by the cases' unique index: given the list as an IN, SQLite would
            // rather go down the date index through every case until it met a page of them.
            let values = listed.map { "(\(bind: $0.court), \(bind: $0.caseID))" as SQLQueryString }
            let sameCourt: SQLQueryString = courtColumn.map { "c.\(ident: $0) = listed.column1 AND " } ?? ""
            query +=
                "(VALUES \(values.joined(separator: ", "))) AS listed CROSS JOIN \(ident: cases) c ON \(sameCourt)c.\(ident: idColumn) = listed.column2"
        } else {
            query += "\(ident: cases) c"
        }
        // SQLite 3.54 would rather read every case and sort them (3 s on 1,000,000 cases) than
        // go down the date index and stop after a page (6 ms): told which index to take.
        if fromNewest, !EntryTextIndex.isPostgres(sql) { query += " INDEXED BY \(ident: dateIndex)" }
        if !conditions.isEmpty { query += " WHERE " + conditions.joined(separator: " AND ") }
        // PostgreSQL refuses a constant in ORDER BY: a court's own tables are ordered without it.
        let courtOrder: SQLQueryString = courtColumn.map { "c.\(ident: $0) DESC, " } ?? ""
        query +=
            " ORDER BY c.date_filed DESC, \(courtOrder)c.\(ident: idColumn) DESC LIMIT \(literal: search.limit + 1)"
        let rows = try await sql.raw(query).all().map(Row.init(row:))
        let page = rows.prefix(search.limit)
        let hits = try page.map { row in
            guard let restriction = Restriction(rawValue: row.restriction) else {
                throw PersistenceError.corruptRow(table: cases, detail: "\(row.court) \(row.caseId)")
            }
            return CaseHit(
                court: CourtID(row.court), caseID: CaseID(row.caseId), number: row.number, title: row.title,
                dateFiled: DateOnly(iso: row.dateFiled),
                dateTerminated: row.dateTerminated.flatMap { DateOnly(iso: $0) },
                restriction: restriction
            ).shown(toCourt: seesSealed)
        }
        let next =
            rows.count > search.limit
            ? page.last.flatMap { last in
                DateOnly(iso: last.dateFiled).map {
                    CaseSearchCursor(dateFiled: $0, court: last.court, caseID: last.caseId)
                }
            } : nil
        return CaseSearchPage(hits: hits, next: next)
    }
}
