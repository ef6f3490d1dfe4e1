import ECFDomain
import FluentKit
import Foundation

final class WebhookRecord: Model, @unchecked Sendable {
    static let schema = "webhooks"

    @ID(key: .id) var id: UUID?
    @Field(key: "owner_account_id") var owner: UUID
    @OptionalField(key: "case_id") var caseID: Int64?
    @Field(key: "url") var url: String
    @Field(key: "secret") var secret: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "consecutive_failures") var consecutiveFailures: Int
    @OptionalField(key: "failing_since") var failingSince: Date?
    @OptionalField(key: "last_delivered_at") var lastDeliveredAt: Date?
    @OptionalField(key: "last_failure") var lastFailure: String?
    @OptionalField(key: "disabled_at") var disabledAt: Date?

    init() {}

    init(_ webhook: Webhook) {
        id = webhook.id.rawValue
        owner = webhook.owner.rawValue
        caseID = webhook.caseID?.rawValue
        url = webhook.url
        secret = webhook.secret
        createdAt = webhook.createdAt
        consecutiveFailures = webhook.consecutiveFailures
        failingSince = webhook.failingSince
        lastDeliveredAt = webhook.lastDeliveredAt
        lastFailure = webhook.lastFailure
        disabledAt = webhook.disabledAt
    }

    func domain() throws -> Webhook {
        guard let id else { throw PersistenceError.corruptRow(table: Self.schema, detail: "?") }
        return Webhook(
            id: WebhookID(id), owner: AccountID(owner), caseID: caseID.map(CaseID.init), url: url, secret: secret,
            createdAt: createdAt, consecutiveFailures: consecutiveFailures, failingSince: failingSince,
            lastDeliveredAt: lastDeliveredAt,
            lastFailure: lastFailure, disabledAt: disabledAt)
    }
}
