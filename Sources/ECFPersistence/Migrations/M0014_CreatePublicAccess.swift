import ECFDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Public access (court database): the party-name search keys (filled for the parties already
/// there), the fee-free setting, per-account fee exemptions, and each billable view.
struct M0014_CreatePublicAccess: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("party_keys")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("party_id", .int, .required, .references("parties", "id"))
            .field("key", .string, .required)
            .create()
        try await database.schema("court_settings")
            .field("fee_free", .bool, .required, .sql(.default(false))).update()
        try await database.schema("fee_exemptions")
            .field("account_id", .uuid, .identifier(auto: false))
            .field("reason", .string, .required)
            .field("granted_at", .datetime, .required)
            .field("granted_by", .string, .required)
            .create()
        try await database.schema("access_views")
            .field("view_key", .string, .identifier(auto: false))
            .field("account_id", .uuid, .required)
            .field("doc_id", .string)
            .field("case_id", .int)
            .field("description", .string, .required)
            .field("pages", .int, .required)
            .field("cents", .int, .required)
            .field("client_code", .string, .required)
            .field("viewed_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "party_keys_key").on("party_keys").column("key").run()
        try await sql.create(index: "party_keys_case").on("party_keys").column("case_id").run()
        try await sql.create(index: "cases_date_filed").on("cases").column("date_filed").column("id").run()
        struct PartyName: Decodable {
            let id: Int64
            let caseID: Int64
            let name: String
            enum CodingKeys: String, CodingKey {
                case id, name
                case caseID = "case_id"
            }
        }
        for party in try await sql.select().columns("id", "case_id", "name").from("parties").all(
            decoding: PartyName.self)
        {
            try await PartyKeyRows.insert(party.name, party: party.id, case: party.caseID, on: sql)
        }
        // The national locator learns of the cases filed before it existed.
        struct CaseRef: Decodable { let id: Int64 }
        let now = Date()
        for row in try await sql.select().column("id").from("cases").all(decoding: CaseRef.self) {
            try await OutboxRow.insert(OutboxMessage.locator(CaseID(row.id), at: now), on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["access_views", "fee_exemptions", "party_keys"] {
            try await database.schema(table).delete()
        }
        try await database.schema("court_settings").deleteField("fee_free").update()
    }
}

/// The search keys of one party name (`PartyNameKeys`), written beside the party.
enum PartyKeyRows {
    static func insert(_ name: String, party: Int64, case caseID: Int64, on sql: any SQLDatabase) async throws {
        for key in Set(PartyNameKeys.keys(name)) {
            try await sql.insert(into: "party_keys").columns("case_id", "party_id", "key")
                .values(SQLBind(caseID), SQLBind(party), SQLBind(key)).run()
        }
    }
}
