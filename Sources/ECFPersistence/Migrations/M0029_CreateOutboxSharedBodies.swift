import FluentKit

/// The bodies a filing's notices share, stored once beside the outbox (`SharedMailBody`): every
/// database has an outbox, so every database has this table too.
struct M0029_CreateOutboxSharedBodies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox_shared_bodies")
            .id()
            .field("text_head", .string, .required)
            .field("text_tail", .string, .required)
            .field("html_head", .string)
            .field("html_tail", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_shared_bodies").delete()
    }
}
