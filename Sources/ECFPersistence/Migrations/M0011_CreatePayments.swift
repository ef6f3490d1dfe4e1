import FluentKit

/// The fees paid with filings: the gateway's receipt number, the amount in cents, the entry it
/// paid for (court database).
struct M0011_CreatePayments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payments")
            .field("receipt_number", .string, .identifier(auto: false))
            .field("case_id", .int, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("account_id", .uuid, .required)
            .field("amount_cents", .int, .required)
            .field("card_last_four", .string, .required)
            .field("paid_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payments").delete()
    }
}
