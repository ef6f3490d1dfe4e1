import ECFDomain
import Foundation

/// A court's docket webhooks, in the court's database.
public protocol WebhookStore: Sendable {
    func insert(_ webhook: Webhook) async throws
    /// The account's webhooks in this court, oldest first.
    func webhooks(of owner: AccountID) async throws -> [Webhook]
    func webhook(_ id: WebhookID) async throws -> Webhook?
    func delete(_ id: WebhookID) async throws
    /// Turns a disabled webhook on again, its failures forgotten.
    func enable(_ id: WebhookID) async throws
    func recordDelivery(_ id: WebhookID, at instant: Date) async throws
    /// Counts one more failure in a row (`Webhook.recordFailure`); when that turns the webhook
    /// off, `disabledMail` is enqueued in the same transaction. Failures recorded at once are
    /// each counted. The webhook as it is now.
    func recordFailure(_ id: WebhookID, reason: String, at instant: Date, disabledMail: OutboxMessage)
        async throws -> Webhook?
}

/// What a webhook delivery sends, and how the receiver answered.
public protocol WebhookTransport: Sendable {
    /// POSTs `body` with `headers`; the receiver's status code. Throws when no answer came
    /// (refused, timed out, or an address this server may not reach).
    func post(to url: String, headers: [(String, String)], body: Data) async throws -> Int
}
