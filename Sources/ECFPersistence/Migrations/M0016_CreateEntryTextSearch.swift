import ECFDomain
import FluentKit
import Foundation
import SQLKit

/// The full-text index of a court's docket text (`EntryTextIndex`), filled for the entries already
/// there; every case is queued for the national locator once more, so that its search of docket
/// text learns of the entries filed before it existed.
struct M0016_CreateEntryTextSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await EntryTextIndex.court.create(on: sql)
        struct Entry: Decodable {
            let caseId: Int64
            let seq: Int
            let text: String
        }
        for entry in try await sql.select().columns("case_id", "seq", "text").from("docket_entries")
            .all(decoding: Entry.self, keyDecodingStrategy: .convertFromSnakeCase)
        {
            try await EntryTextIndex.court.put(entry.text, key: [entry.caseId, entry.seq], on: sql)
        }
        struct CaseRef: Decodable { let id: Int64 }
        let now = Date()
        for row in try await sql.select().column("id").from("cases").all(decoding: CaseRef.self) {
            try await OutboxRow.insert(OutboxMessage.locator(CaseID(row.id), at: now), on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await EntryTextIndex.court.drop(on: sql)
    }
}
