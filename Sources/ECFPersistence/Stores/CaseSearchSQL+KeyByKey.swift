import ECFDomain
import SQLKit

/// The locator's search of a party name that begins a few distinct keys (most names: "logistics
/// corp" begins one key, held by 110,000 cases at full scale), key by key. The index of key,
/// date filed, court and case (M0024) gives each key's cases newest first without sorting them,
/// however many there are; a few of each are read and their cases looked up by their own index.
/// Measured on 1,000,000 cases (P4's searches in BENCHMARKS.md, 99% of them names of one key): a
/// broad name's first page took SQLite 2.7–4.5 ms the other ways (its keys counted up to 5,000,
/// then the cases gone through newest first) and about 1.5 ms this way; a search through the API
/// 8.0 ms of the server's time before, 3.9 ms after (219 and 420 searches a second).
extension CaseSearchSQL {
    /// A name beginning more distinct keys than this ("m", "smith") is searched the other ways.
    static let keysOneByOneAtMost = 16

    /// Where a case stands among the results: they are ordered by date filed, court and case,
    /// newest (greatest) first.
    struct KeyedCase: Hashable, Comparable {
        let dateFiled: String
        let court: String
        let caseID: Int64

        static func < (left: KeyedCase, right: KeyedCase) -> Bool {
            (left.dateFiled, left.court, left.caseID) < (right.dateFiled, right.court, right.caseID)
        }
    }

    /// The page, or nil when the name begins too many keys, or when the cases taken do not hold
    /// a whole page and the next page's first case (then the search is made the other ways).
    ///
    /// Each key's list is its newest cases within the search's court, dates and cursor: all of
    /// them, or, when it was cut short, those down to its last. So every case that stands at or
    /// above the highest of the cut lists' last cases is among those taken; the cases below it
    /// are left out. When
    /// the cases left, checked against the rest of the search, fill a page and one more, the
    /// page is exact; when no list was cut, whatever they fill is the whole answer.
    func runKeyByKey(_ party: String, of search: CaseSearch, seesSealed: Bool, on sql: any SQLDatabase)
        async throws -> CaseSearchPage?
    {
        let distinct = try await distinctKeys(party, atMost: keysOneByOne + 1, on: sql)
        guard distinct.count <= keysOneByOne else { return nil }
        if distinct.isEmpty { return CaseSearchPage(hits: [], next: nil) }
        let perKey = (search.limit + 1) * 2
        let lists = try await newestOfEachKey(distinct, of: search, perKey: perKey, on: sql)
        let foundDownTo = lists.filter { $0.count == perKey }.compactMap { $0.min() }.max()
        let taken = Set(lists.joined().filter { found in foundDownTo.map { found >= $0 } ?? true })
        if taken.isEmpty { return CaseSearchPage(hits: [], next: nil) }
        let page = try await run(search, seesSealed: seesSealed, among: .listed(Array(taken)), broad: false, on: sql)
        return foundDownTo == nil || page.next != nil ? page : nil
    }

    /// The distinct keys beginning with `party`, in order, at most `atMost`: each found from the
    /// one before it by a seek of the keys' index (SQLite).
    func distinctKeys(_ party: String, atMost: Int, on sql: any SQLDatabase) async throws -> [String] {
        let end = Self.pastKeys(beginning: party)
        let rows = try await sql.raw(
            """
            WITH RECURSIVE found(key) AS (\
            SELECT (SELECT min(k.key) FROM \(ident: keys) k WHERE \(Self.prefix(party, on: sql))) \
            UNION ALL SELECT (SELECT min(k.key) FROM \(ident: keys) k WHERE k.key > found.key AND k.key < \(bind: end)) \
            FROM found WHERE found.key IS NOT NULL LIMIT \(literal: atMost)) \
            SELECT key FROM found WHERE key IS NOT NULL
            """
        ).all()
        return try rows.map { try $0.decode(column: "key", as: String.self) }
    }

    /// For each of `distinct`, its newest `perKey` keys within the search's court, dates and
    /// cursor, newest first: one statement, a list of each.
    func newestOfEachKey(_ distinct: [String], of search: CaseSearch, perKey: Int, on sql: any SQLDatabase)
        async throws -> [[KeyedCase]]
    {
        let selects: [SQLQueryString] = distinct.enumerated().map { list, key in
            let conditions = ["k.key = \(bind: key)"] + keyConditions(of: search)
            return
                "SELECT * FROM (SELECT \(literal: list) AS list, k.court, k.case_id, k.date_filed FROM \(ident: keys) k WHERE \(conditions.joined(separator: " AND ")) ORDER BY k.date_filed DESC, k.court DESC, k.case_id DESC LIMIT \(literal: perKey))"
        }
        var lists = [[KeyedCase]](repeating: [], count: distinct.count)
        for row in try await sql.raw(selects.joined(separator: " UNION ALL ")).all() {
            let list = try row.decode(column: "list", as: Int.self)
            lists[list].append(
                KeyedCase(
                    dateFiled: try row.decode(column: "date_filed", as: String.self),
                    court: try row.decode(column: "court", as: String.self),
                    caseID: try row.decode(column: "case_id", as: Int64.self)))
        }
        return lists
    }
}
