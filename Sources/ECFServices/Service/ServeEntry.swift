import ECFDomain
import Foundation

/// Serves a docket entry inside the transaction that records it: one Notice of Electronic Filing
/// per entitled account (primary address in To, its secondaries in Cc) written to the court's
/// outbox, a free-look number per recipient and document, a service record per recipient — or,
/// for those who chose it, a place in the day's summary. What the notices have in common (all
/// but each recipient's own link) is stored once beside them (`SharedMailBody`). A filing that
/// rolls back serves nobody.
struct ServeEntry: Sendable {
    let context: CourtContext
    let court: OpenCourt

    /// Who is entitled, read before the transaction (accounts live in the same court database).
    func serviceList(
        courtCase: CourtCase, parties: [Party], participations: [Participation], restriction: Restriction,
        filedBy: CourtAccountID?
    ) async throws -> ServiceList {
        let docket = try await context.stores.docket(court.id)
        let subscriberIDs = try await docket.subscribers(of: courtCase.id)
        // Only the accounts the case concerns, and the clerks: a court has thousands.
        let accounts = try await court.store.accounts(ids: Set(participations.map(\.account) + subscriberIDs))
        let byID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let subscribers = subscriberIDs.compactMap { byID[$0] }
        let clerks = try await court.store.accounts(roles: [.clerk])
        return ServiceList.build(
            parties: parties, participations: participations, accounts: byID, subscribers: subscribers,
            courtStaff: clerks.filter { $0.status == .active },
            entryRestriction: restriction, caseRestriction: courtCase.restriction, filedBy: filedBy)
    }

    func write(
        _ service: ServiceList, entry: DocketEntry, courtCase: CourtCase, enteredBy: String,
        in transaction: any DocketTransaction
    ) async throws {
        let event = EventCatalog.event(entry.eventID, in: court.court.kind) ?? EventCatalog.event(entry.eventID)
        guard let event else { return }
        let links = context.mails.links
        let base = "/ecf/\(court.id.rawValue)"
        let notice = NoticeOfElectronicFiling(
            court: court.court, zone: court.zone, courtCase: courtCase, entry: entry, event: event,
            enteredBy: enteredBy, service: service,
            docketURL: links.docketReport(court.id, courtCase.id),
            documentURL: { document, magic in
                links.url(
                    "\(base)/doc1/\(document.id.rawValue)",
                    query: ["caseid": "\(courtCase.id.rawValue)", "de_seq_num": "\(entry.seq)", "magic_num": magic])
            })
        let day = court.today.description
        let shared = notice.shared()
        var body: SharedMailBody?
        if service.electronic.contains(where: { $0.delivery == .eachFiling }) {
            body = notice.body(shared, id: SharedMailBodyID(context.ids.uuid()))
        }
        // Numbers are unique per document: no two recipients of a document share one.
        var issued: [DocumentID: Set<String>] = [:]
        var freeLooks: [FreeLook] = []
        var notices: [OutboxMessage] = []
        var records: [ServiceRecord] = []
        var items: [SummaryItem] = []
        for recipient in service.electronic {
            var magic: [DocumentID: String] = [:]
            for document in entry.documents {
                var number: String
                repeat {
                    number = String(format: "%08d", Int.random(in: 0..<100_000_000))
                } while issued[document.id, default: []].contains(number)
                issued[document.id, default: []].insert(number)
                magic[document.id] = number
                freeLooks.append(
                    FreeLook(
                        magicNumber: number, documentID: document.id, caseID: courtCase.id, seq: entry.seq,
                        account: recipient.account, issuedAt: entry.dateEntered))
            }
            var outboxID: OutboxMessageID?
            switch recipient.delivery {
            case .eachFiling:
                let (text, html) = notice.ownParts(magic: magic, shared: shared)
                let mail = context.mails.notice(
                    to: recipient, subject: notice.subject, text: text, html: html, sharedBody: body?.id)
                let id = OutboxMessageID(context.ids.timeOrderedUUID())
                notices.append(try .mail(mail, id: id, at: entry.dateEntered))
                outboxID = id
            case .dailySummary:
                items.append(SummaryItem(account: recipient.account, caseID: courtCase.id, seq: entry.seq, day: day))
            }
            records.append(
                ServiceRecord(
                    caseID: courtCase.id, seq: entry.seq, account: recipient.account, name: recipient.name,
                    addresses: recipient.addresses, delivery: recipient.delivery, outboxID: outboxID))
        }
        // The shared body, then the notices, the numbers and the records, each in few statements.
        if let body { try await transaction.insert(body) }
        try await transaction.enqueue(notices)
        try await transaction.insert(freeLooks)
        for item in items { try await transaction.insert(item) }
        try await transaction.insert(records)
    }
}
