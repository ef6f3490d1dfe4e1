import ECFDomain
import Foundation

/// The docket half of a filing: under the case's lock, the entry takes the next number, its
/// documents their ids, and everything commits together with the outbox.
public struct RecordEntry: Sendable {
    /// A document already inspected and stored (content-addressed) for this entry.
    public struct Upload: Sendable, Equatable {
        public let description: String
        public let originalFileName: String
        public let pages: Int
        public let bytes: Int
        public let sha256: String

        public init(description: String, originalFileName: String, pages: Int, bytes: Int, sha256: String) {
            self.description = description
            self.originalFileName = originalFileName
            self.pages = pages
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    let store: any DocketStore
    let court: FederalCourt
    let clock: any Clock

    public init(store: any DocketStore, court: FederalCourt, clock: any Clock) {
        self.store = store
        self.court = court
        self.clock = clock
    }

    public func callAsFunction(
        caseID: CaseID, event: FilingEvent, text: String, filedBy: CourtAccountID?, uploads: [Upload],
        restriction: Restriction = .public, outbox: [OutboxMessage] = []
    ) async throws -> DocketEntry {
        try await store.transaction { transaction in
            try await record(
                in: transaction, caseID: caseID, event: event, text: text, filedBy: filedBy, uploads: uploads,
                restriction: restriction, outbox: outbox)
        }
    }

    /// One entry of a bulk recording.
    public struct Planned: Sendable {
        public let event: FilingEvent
        public let text: String
        public let filedBy: CourtAccountID?
        public let uploads: [Upload]
        public let restriction: Restriction

        public init(
            event: FilingEvent, text: String, filedBy: CourtAccountID?, uploads: [Upload],
            restriction: Restriction = .public
        ) {
            self.event = event
            self.text = text
            self.filedBy = filedBy
            self.uploads = uploads
            self.restriction = restriction
        }
    }

    /// Many entries in one transaction (a docket imported or generated whole); the national
    /// locator is told once, of the whole case, instead of once per entry.
    public func recordAll(caseID: CaseID, _ planned: [Planned]) async throws -> [DocketEntry] {
        try await store.transaction { transaction in
            var entries: [DocketEntry] = []
            for entry in planned {
                entries.append(
                    try await record(
                        in: transaction, caseID: caseID, event: entry.event, text: entry.text,
                        filedBy: entry.filedBy, uploads: entry.uploads, restriction: entry.restriction, outbox: [],
                        tellLocator: false))
            }
            try await transaction.enqueue(.locator(caseID, at: clock.now))
            return entries
        }
    }

    /// The same, inside a transaction that also does other work (opening the case).
    func record(
        in transaction: any DocketTransaction, caseID: CaseID, event: FilingEvent, text: String,
        filedBy: CourtAccountID?, uploads: [Upload], restriction: Restriction, outbox: [OutboxMessage],
        tellLocator: Bool = true
    ) async throws -> DocketEntry {
        let now = clock.now
        let numbers = try await transaction.nextNumbers(of: caseID, numbered: event.numbered)
        var documents: [DocketDocument] = []
        for (index, upload) in uploads.enumerated() {
            guard
                let id = DocumentID(
                    prefix: court.documentIDPrefix, sequence: try await transaction.nextDocumentNumber())
            else { throw DocketFull() }
            documents.append(
                DocketDocument(
                    id: id, attachment: index, description: upload.description,
                    originalFileName: upload.originalFileName, pages: upload.pages, bytes: upload.bytes,
                    sha256: upload.sha256, restriction: restriction))
        }
        let entry = DocketEntry(
            caseID: caseID, seq: numbers.seq, number: numbers.number, dateFiled: now, dateEntered: now, text: text,
            eventID: event.id, filedBy: filedBy, restriction: restriction, documents: documents)
        try await transaction.insert(entry)
        // The national search of docket text learns of the entry (a restricted one stays here).
        if tellLocator {
            try await transaction.enqueue(.locator(caseID, entry: entry.seq, at: now))
            // Each webhook watching the case gets the entry, if its owner may see it (decided at delivery).
            for webhook in try await transaction.webhooks(watching: caseID) {
                try await transaction.enqueue(.webhook(webhook.id, caseID: caseID, entry: entry.seq, at: now))
            }
        }
        for message in outbox { try await transaction.enqueue(message) }
        return entry
    }
}

/// The court has used every document number its prefix allows (up to 99,999,999).
public struct DocketFull: Error, CustomStringConvertible {
    public var description: String { "this court has used every document number" }
}
