import ECFDomain
import Foundation

/// The JSON body of a webhook delivery: one new docket entry, with its case and its documents'
/// links (the documents themselves are fetched, and billed, as usual).
public struct WebhookEvent: Encodable, Sendable {
    public struct Case: Encodable, Sendable {
        let caseId: String
        let caseNumber: String
        let title: String
        let docketUrl: String
    }

    public struct Document: Encodable, Sendable {
        let documentId: String
        let attachment: Int
        let description: String
        let pages: Int
        let url: String
    }

    public struct Entry: Encodable, Sendable {
        let seq: Int
        let number: Int?
        let dateFiled: Date
        let dateEntered: Date
        let text: String
        let event: String
        let restriction: String
        let documents: [Document]
    }

    let event = "docket.entry.created"
    /// The delivery's id: the same on every retry, so that a receiver can drop repeats.
    let id: String
    let webhookId: String
    let court: String
    let sentAt: Date
    let courtCase: Case
    let entry: Entry

    enum CodingKeys: String, CodingKey {
        case event, id, webhookId, court, sentAt, entry
        case courtCase = "case"
    }

    init(
        delivery: OutboxMessageID, webhook: Webhook, court: CourtID, courtCase: CourtCase, entry: DocketEntry,
        links: LinkBuilder, now: Date
    ) {
        id = delivery.description
        webhookId = webhook.id.description
        self.court = court.rawValue
        sentAt = now
        let base = "/ecf/\(court.rawValue)"
        self.courtCase = Case(
            caseId: String(courtCase.id.rawValue), caseNumber: courtCase.number.description, title: courtCase.title,
            docketUrl: links.docketReport(court, courtCase.id))
        self.entry = Entry(
            seq: entry.seq, number: entry.number, dateFiled: entry.dateFiled, dateEntered: entry.dateEntered,
            text: entry.text, event: entry.eventID, restriction: entry.restriction.rawValue,
            documents: entry.documents.map {
                Document(
                    documentId: $0.id.rawValue, attachment: $0.attachment, description: $0.description, pages: $0.pages,
                    url: links.url("\(base)/doc1/\($0.id.rawValue)"))
            })
    }
}
