import ECFDomain
import Foundation

extension CourtMails {
    /// To the owner of a webhook that failed too often in a row.
    func webhookDisabled(_ webhook: Webhook, to owner: PacerProfile, court: FederalCourt, reason: String)
        -> OutgoingMail
    {
        message(
            to: owner.fullName, [owner.email], court: court, subject: "Your docket webhook was turned off",
            paragraphs: [
                "Your webhook \(webhook.id) in the \(court.name) delivers docket entries to \(webhook.url). Its last \(WebhookPolicy.failuresBeforeDisabling) deliveries failed, so we turned it off. The last answer: \(reason)",
                "Entries filed while it is off are not sent. Once your receiver works again, turn the webhook back on (POST /api/v1/courts/\(court.id.rawValue)/webhooks/\(webhook.id)/enable), or make a new one.",
            ])
    }
}
