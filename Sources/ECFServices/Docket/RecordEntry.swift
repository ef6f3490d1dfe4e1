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

    /// The same, inside a transaction that also does other work (opening the case).
    func record(
        in transaction: any DocketTransaction, caseID: CaseID, event: FilingEvent, text: String,
        filedBy: CourtAccountID?, uploads: [Upload], restriction: Restriction, outbox: [OutboxMessage]
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
        try await transaction.enqueue(.locator(caseID, entry: entry.seq, at: now))
        for message in outbox { try await transaction.enqueue(message) }
        return entry
    }
}

/// The court has used every document number its prefix allows (up to 99,999,999).
public struct DocketFull: Error, CustomStringConvertible {
    public var description: String { "this court has used every document number" }
}
