import ECFDomain
import Foundation

/// `POST /api/v1/courts/{court}/webhooks`
struct WebhookRequest: Decodable {
    let url: String?
    /// The case to watch; absent for every public entry of the court.
    let caseId: String?
}

/// A webhook as its owner sees it (the signing secret only in the answer that made it).
struct WebhookDTO: Encodable {
    let id: String
    let url: String
    let caseId: String?
    /// `case` (one case, as its owner may see it) or `court` (every public entry of the court).
    let scope: String
    let active: Bool
    let createdAt: Date
    let consecutiveFailures: Int
    /// When the failures in a row began; absent while deliveries succeed.
    let failingSince: Date?
    let lastDeliveredAt: Date?
    let lastFailure: String?
    let disabledAt: Date?
    /// Only when the webhook was just made: the HMAC key of its signatures.
    let secret: String?

    init(_ webhook: Webhook, secret: String? = nil) {
        id = webhook.id.description
        url = webhook.url
        caseId = webhook.caseID.map { String($0.rawValue) }
        scope = webhook.caseID == nil ? "court" : "case"
        active = webhook.isActive
        createdAt = webhook.createdAt
        consecutiveFailures = webhook.consecutiveFailures
        failingSince = webhook.failingSince
        lastDeliveredAt = webhook.lastDeliveredAt
        lastFailure = webhook.lastFailure
        disabledAt = webhook.disabledAt
        self.secret = secret
    }
}

/// `GET /api/v1/courts/{court}/webhooks`: the account's webhooks in the court, oldest first.
struct WebhookListDTO: Encodable {
    let webhooks: [WebhookDTO]
}
