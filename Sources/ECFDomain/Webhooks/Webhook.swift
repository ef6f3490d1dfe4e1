import Foundation

public struct WebhookID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        rawValue = uuid
    }
    public var description: String { rawValue.uuidString.lowercased() }
}

/// A program's subscription to a court's docket: each new entry of one case (or each new public
/// entry of the court) is POSTed to its URL, signed with its secret.
public struct Webhook: Sendable, Equatable {
    public let id: WebhookID
    /// The PACER account it acts for: it receives what that account may see, no more.
    public let owner: AccountID
    /// The case watched; nil for every public entry of the court.
    public let caseID: CaseID?
    public let url: String
    /// The HMAC key of the signatures, shown to the owner when the webhook is made.
    public let secret: String
    public let createdAt: Date
    public var consecutiveFailures: Int
    public var lastDeliveredAt: Date?
    public var lastFailure: String?
    public var disabledAt: Date?

    public init(
        id: WebhookID, owner: AccountID, caseID: CaseID?, url: String, secret: String, createdAt: Date,
        consecutiveFailures: Int = 0, lastDeliveredAt: Date? = nil, lastFailure: String? = nil, disabledAt: Date? = nil
    ) {
        self.id = id
        self.owner = owner
        self.caseID = caseID
        self.url = url
        self.secret = secret
        self.createdAt = createdAt
        self.consecutiveFailures = consecutiveFailures
        self.lastDeliveredAt = lastDeliveredAt
        self.lastFailure = lastFailure
        self.disabledAt = disabledAt
    }

    public var isActive: Bool { disabledAt == nil }
}

/// The rules of docket webhooks.
public enum WebhookPolicy {
    /// Source: issue 8 — deliveries are retried with backoff and the webhook is disabled after
    /// repeated failures. Retries follow the outbox's `RetryPolicy` (5 s, doubling, at most an
    /// hour); the eighth failure in a row (about ten minutes of trying) disables the webhook and
    /// its owner is e-mailed.
    public static let failuresBeforeDisabling = 8
    /// A receiver must answer within this time; a slow one counts as a failure.
    public static let deliveryTimeout: TimeInterval = 10
    public static let maximumPerAccount = 25
    public static let maximumURLLength = 2000
    /// The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
    /// `<t>.<body>` with the webhook's secret (as Stripe signs its events). Receivers should refuse
    /// a timestamp more than five minutes old, so that a captured delivery cannot be replayed.
    public static let signatureHeader = "OpenECF-Signature"
    public static let replayTolerance: TimeInterval = 300
    public static let secretPrefix = "whsec_"
}
