import FluentKit
import SQLKit

/// A case's parties and who takes part for them: attorneys of record and pro se filers (court
/// database).
struct M0008_CreateParties: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("parties")
            .field("id", .int, .identifier(auto: true))
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("date_terminated", .string)
            .create()
        try await database.schema("participations")
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("party_id", .int, .required, .references("parties", "id"))
            .field("account_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("attorney_roles", .int, .required)
            .field("date_terminated", .string)
            .unique(on: "party_id", "account_id", name: "participations_unique")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "parties_case").on("parties").column("case_id").run()
            try await sql.create(index: "participations_case").on("participations").column("case_id").run()
            try await sql.create(index: "participations_account").on("participations").column("account_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("participations").delete()
        try await database.schema("parties").delete()
    }
}
