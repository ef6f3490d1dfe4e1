import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// What the public reads across a court: its latest public entries, newest first.
extension SQLDocketStore {
    public func searchCases(_ search: CaseSearch, court: CourtID, seesSealed: Bool) async throws -> CaseSearchPage {
        try await CaseSearchSQL.court(court).run(search, seesSealed: seesSealed, on: reads)
    }

    public func searchText(_ search: DocketTextSearch, court: CourtID, seesRestricted: Bool) async throws
        -> DocketTextPage
    {
        let zone = FederalCourts.court(court)?.timeZone ?? .gmt
        let span = search.filedSpan(in: zone)
        var filed: [SQLQueryString] = []
        if let from = span.from { filed.append("e.date_filed >= \(bind: from)") }
        if let before = span.before { filed.append("e.date_filed < \(bind: before)") }
        return try await DocketTextSearchSQL.court(court).run(
            search, filed: filed, seesRestricted: seesRestricted, on: reads)
    }

    public func publicEntries(
        limit: Int, in caseID: CaseID?, events: [String]?, filed: Range<Date>?, after: (caseID: CaseID, seq: Int)?
    ) async throws -> [(courtCase: CourtCase, entry: DocketEntry)] {
        var oneCase: SQLQueryString = caseID.map { " AND e.case_id = \(bind: $0.rawValue)" } ?? ""
        if let events { oneCase += " AND e.event_id IN (\(binds: events))" }
        if let filed {
            oneCase += " AND e.date_filed >= \(bind: filed.lowerBound) AND e.date_filed < \(bind: filed.upperBound)"
        }
        if let after {
            // The entry the last page ended with, by its position in the order below.
            let last: SQLQueryString =
                "(SELECT a.date_entered FROM docket_entries a WHERE a.case_id = \(bind: after.caseID.rawValue) AND a.seq = \(bind: after.seq))"
            oneCase +=
                " AND (e.date_entered < \(last) OR (e.date_entered = \(last) AND (e.case_id < \(bind: after.caseID.rawValue) OR (e.case_id = \(bind: after.caseID.rawValue) AND e.seq < \(bind: after.seq)))))"
        }
        let entries = try await reads.raw(
            """
            SELECT e.* FROM docket_entries e JOIN cases c ON c.id = e.case_id \
            WHERE e.restriction = \(bind: Restriction.public.rawValue) AND c.restriction = \(bind: Restriction.public.rawValue)\(oneCase) \
            ORDER BY e.date_entered DESC, e.case_id DESC, e.seq DESC LIMIT \(bind: limit)
            """
        ).all().map(EntryRow.init(row:))
        let caseIDs = Array(Set(entries.map(\.caseId)))
        guard !caseIDs.isEmpty else { return [] }
        let cases = try await reads.select().column("*").from("cases").where("id", .in, caseIDs)
            .all().map(CaseRow.init(row:))
        let byID = Dictionary(uniqueKeysWithValues: try cases.map { ($0.id, try $0.domain()) })
        let documents = try await reads.select().column("*").from("documents").where("case_id", .in, caseIDs)
            .where("restriction", .equal, Restriction.public.rawValue).orderBy("attachment")
            .all(decoding: DocumentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byEntry = Dictionary(grouping: documents) { "\($0.caseId):\($0.entrySeq)" }
        return try entries.compactMap { row in
            guard let courtCase = byID[row.caseId] else { return nil }
            let entry = try row.domain(
                documents: try (byEntry["\(row.caseId):\(row.seq)"] ?? []).map { try $0.domain() })
            return (courtCase, entry)
        }
    }
}

/// Fee exemptions and billable views in the court's database.
extension SQLDocketStore {
    public func feeExempt(_ account: AccountID) async throws -> Bool {
        try await reads.raw("SELECT 1 FROM fee_exemptions WHERE account_id = \(bind: account.rawValue)").first() != nil
    }

    public func view(_ key: String) async throws -> RecordedView? {
        struct Row: Decodable {
            let viewKey: String
            let accountId: UUID
            let docId: String?
            let viewedAt: Date
        }
        return try await reads.select().columns("view_key", "account_id", "doc_id", "viewed_at").from("access_views")
            .where("view_key", .equal, key).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map {
                RecordedView(
                    key: $0.viewKey, account: AccountID($0.accountId), document: $0.docId.flatMap(DocumentID.init),
                    viewedAt: $0.viewedAt)
            }
    }
}

extension SQLDocketTransaction {
    func insert(_ views: [(charge: AccessCharge, document: DocumentID?, caseID: CaseID?)]) async throws {
        try await RowInserts.insertRows(
            into: "access_views",
            columns: [
                "view_key", "account_id", "doc_id", "case_id", "description", "pages", "cents", "client_code",
                "viewed_at",
            ],
            views.map { charge, document, caseID in
                [
                    SQLBind(charge.viewKey), SQLBind(charge.account.rawValue), SQLBind(document?.rawValue),
                    SQLBind(caseID?.rawValue), SQLBind(charge.description), SQLBind(charge.pages),
                    SQLBind(charge.amount.cents), SQLBind(charge.clientCode), SQLBind(charge.viewedAt),
                ]
            }, on: sql)
    }

    func setFeeExemption(_ account: AccountID, reason: String?, at instant: Date, by actor: String) async throws {
        try await sql.delete(from: "fee_exemptions").where("account_id", .equal, account.rawValue).run()
        guard let reason else { return }
        try await sql.insert(into: "fee_exemptions").columns("account_id", "reason", "granted_at", "granted_by")
            .values(SQLBind(account.rawValue), SQLBind(reason), SQLBind(instant), SQLBind(actor)).run()
    }
}
