import ECFDomain
import Foundation

/// Delivers a court's `webhook` outbox message: the entry as it is now, if the webhook is still on
/// and its owner may see the entry (a court-wide webhook: public entries of public cases only),
/// POSTed and signed. A failure is counted and retried with the outbox's backoff; the failure that
/// reaches `WebhookPolicy.failuresBeforeDisabling` disables the webhook and mails its owner.
public struct DeliverWebhook: OutboxHandler {
    let context: CourtContext
    let transport: any WebhookTransport

    public init(_ context: CourtContext, transport: any WebhookTransport) {
        self.context = context
        self.transport = transport
    }

    public func handle(_ message: OutboxMessage, from location: OutboxLocation) async throws {
        guard case .court(let courtID) = location else { return }
        let (webhookID, caseID, seq) = try message.decodedWebhookDelivery()
        let webhooks = try await context.stores.webhooks(courtID)
        guard let webhook = try await webhooks.webhook(webhookID), webhook.isActive else { return }
        let docket = try await context.stores.docket(courtID)
        guard let courtCase = try await docket.courtCase(caseID), let entry = try await docket.entry(caseID, seq: seq),
            let profile = try await context.profiles.profile(webhook.owner), profile.active
        else { return }
        let viewer: Viewer
        if webhook.caseID == nil {
            viewer = .outsider
        } else {
            let account = try await context.stores.store(courtID).account(linkedTo: webhook.owner)
            viewer = ReadCase.viewer(
                account, participations: try await docket.participations(of: caseID).filter(\.isActive))
        }
        guard let visible = ReadCase.visible([entry], of: courtCase, to: viewer).first else { return }
        let now = context.clock.now
        let body = try Self.encoder.encode(
            WebhookEvent(
                delivery: message.id, webhook: webhook, court: courtID, courtCase: courtCase, entry: visible,
                links: context.mails.links, now: now))
        let headers = [
            ("Content-Type", "application/json"), ("User-Agent", "OpenECF-Webhooks/1"),
            (WebhookPolicy.signatureHeader, WebhookSignature.header(secret: webhook.secret, body: body, at: now)),
            ("OpenECF-Webhook-Id", webhook.id.description), ("OpenECF-Delivery-Id", message.id.description),
        ]
        let failure: String
        do {
            let status = try await transport.post(to: webhook.url, headers: headers, body: body)
            if (200..<300).contains(status) {
                try await webhooks.recordDelivery(webhook.id, at: now)
                return
            }
            failure = "The receiver answered HTTP \(status)."
        } catch {
            failure = "No answer from the receiver: \(error)"
        }
        let court = try await context.court(courtID.rawValue)
        let mail = try OutboxMessage.mail(
            context.mails.webhookDisabled(webhook, to: profile, court: court.court, reason: failure),
            id: OutboxMessageID(context.ids.timeOrderedUUID()), at: now)
        let after = try await webhooks.recordFailure(webhook.id, reason: failure, at: now, disabledMail: mail)
        // A disabled webhook's delivery ends here; otherwise the outbox tries again later.
        if after?.isActive == true { throw WebhookDeliveryFailed(reason: failure) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}

struct WebhookDeliveryFailed: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
