import ECFDomain
import ECFServices
import FluentKit
import Foundation
import SQLKit

/// What the public reads across a court: its latest public entries, newest first.
extension SQLDocketStore {
    public func searchCases(_ search: CaseSearch, court: CourtID, seesSealed: Bool) async throws -> CaseSearchPage {
        try await CaseSearchSQL.court(court).run(search, seesSealed: seesSealed, on: sql)
    }

    public func recentPublicEntries(limit: Int) async throws -> [(courtCase: CourtCase, entry: DocketEntry)] {
        let entries = try await sql.raw(
            """
            SELECT e.* FROM docket_entries e JOIN cases c ON c.id = e.case_id \
            WHERE e.restriction = \(bind: Restriction.public.rawValue) AND c.restriction = \(bind: Restriction.public.rawValue) \
            ORDER BY e.date_entered DESC, e.case_id DESC, e.seq DESC LIMIT \(bind: limit)
            """
        ).all(decoding: EntryRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let caseIDs = Array(Set(entries.map(\.caseId)))
        guard !caseIDs.isEmpty else { return [] }
        let cases = try await sql.select().column("*").from("cases").where("id", .in, caseIDs)
            .all(decoding: CaseRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byID = Dictionary(uniqueKeysWithValues: try cases.map { ($0.id, try $0.domain()) })
        let documents = try await sql.select().column("*").from("documents").where("case_id", .in, caseIDs)
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
