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
    /// When the deliveries that have failed in a row began to fail; nil while the last one
    /// succeeded (or none was tried).
    public var failingSince: Date?
    public var lastDeliveredAt: Date?
    public var lastFailure: String?
    public var disabledAt: Date?

    public init(
        id: WebhookID, owner: AccountID, caseID: CaseID?, url: String, secret: String, createdAt: Date,
        consecutiveFailures: Int = 0, failingSince: Date? = nil, lastDeliveredAt: Date? = nil,
        lastFailure: String? = nil, disabledAt: Date? = nil
    ) {
        self.id = id
        self.owner = owner
        self.caseID = caseID
        self.url = url
        self.secret = secret
        self.createdAt = createdAt
        self.consecutiveFailures = consecutiveFailures
        self.failingSince = failingSince
        self.lastDeliveredAt = lastDeliveredAt
        self.lastFailure = lastFailure
        self.disabledAt = disabledAt
    }

    public var isActive: Bool { disabledAt == nil }

    /// Counts a delivery that failed at `instant` for `reason`, and turns the webhook off when
    /// `WebhookPolicy.disables` says so. True when this failure turned it off.
    public mutating func recordFailure(_ reason: String, at instant: Date) -> Bool {
        guard isActive else { return false }
        consecutiveFailures += 1
        failingSince = failingSince ?? instant
        lastFailure = String(reason.prefix(500))
        guard WebhookPolicy.disables(self, at: instant) else { return false }
        disabledAt = instant
        return true
    }
}

/// The rules of docket webhooks.
public enum WebhookPolicy {
    /// Source: issue 8 — deliveries are retried with backoff and the webhook is disabled after
    /// repeated failures. Retries follow the outbox's `RetryPolicy` (5 s, doubling, at most an
    /// hour): a delivery's eighth attempt comes about ten and a half minutes after its first. So
    /// the webhook is disabled, and its owner e-mailed, by its eighth failure in a row once its
    /// deliveries have been failing for ten minutes (`failingPeriodBeforeDisabling`), not sooner:
    /// a receiver that is down for a moment while several entries are on their way fails all of
    /// them within the same second.
    public static let failuresBeforeDisabling = 8
    public static let failingPeriodBeforeDisabling: TimeInterval = 600
    /// Whether a webhook with these failures is turned off at `instant`.
    public static func disables(_ webhook: Webhook, at instant: Date) -> Bool {
        guard webhook.consecutiveFailures >= failuresBeforeDisabling, let since = webhook.failingSince else {
            return false
        }
        return instant.timeIntervalSince(since) >= failingPeriodBeforeDisabling
    }
    /// A pass of the outbox sends at most this many deliveries to one webhook, all at once (the
    /// HTTP client opens four times as many connections to one host, so none waits for a
    /// connection within its time limit unless more than four webhooks share a receiver); the
    /// rest wait for the next pass, which follows at once, so a pass waits for a receiver once,
    /// however slow it is. When one fails, the webhook's other
    /// deliveries of the pass are not tried: they wait as long as the failed one (`DeliverOutbox`).
    public static let deliveriesAtOnce = 8
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
