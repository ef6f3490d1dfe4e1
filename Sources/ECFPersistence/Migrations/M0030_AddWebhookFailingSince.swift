import FluentKit

/// When a webhook's run of failed deliveries began (`Webhook.failingSince`): it is turned off by
/// its failures in number and in time (`WebhookPolicy.disables`). Nullable, so the column is added
/// without rewriting the table.
struct M0030_AddWebhookFailingSince: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("webhooks").field("failing_since", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhooks").deleteField("failing_since").update()
    }
}
