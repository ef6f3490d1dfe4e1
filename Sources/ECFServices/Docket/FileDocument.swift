import ECFDomain
import Foundation

/// Files into an open case: who files is checked against the event and the case, every document is
/// inspected (all problems reported together, per file), the text is checked for what Rule 5.2
/// says to redact (the filer must acknowledge it), and the entry is recorded under the case's lock.
/// The same idempotency key again returns the first entry and files nothing new.
public struct FileDocument: Sendable {
    public struct Filing: Sendable {
        public let eventID: String
        public let filers: [Int64]
        public let addedText: String?
        /// The main document first, then the attachments with their descriptions.
        public let files: [(url: URL, originalName: String, description: String)]
        public let redactionAcknowledged: Bool
        public let idempotencyKey: String?

        public init(
            eventID: String, filers: [Int64], addedText: String?,
            files: [(url: URL, originalName: String, description: String)], redactionAcknowledged: Bool,
            idempotencyKey: String?
        ) {
            self.eventID = eventID
            self.filers = filers
            self.addedText = addedText
            self.files = files
            self.redactionAcknowledged = redactionAcknowledged
            self.idempotencyKey = idempotencyKey
        }
    }

    /// What a filing would be, or was.
    public struct Outcome: Sendable {
        public let docketText: String
        public let fee: Money
        public let redactionHits: [(file: String, hit: RedactionCheck.Hit)]
        /// `nil` for a validate-only call.
        public let entry: DocketEntry?
        public let repeated: Bool
    }

    /// The documents' problems, per file, in words a filer understands.
    public struct Rejected: Error, Sendable {
        public let problems: [(file: String, problem: String)]
    }

    let context: CourtContext
    let inspector: any PDFInspector
    let blobs: any DocumentBlobStore
    let limitBytes: Int

    public init(
        _ context: CourtContext, inspector: any PDFInspector, blobs: any DocumentBlobStore,
        limitBytes: Int = 35 * 1_048_576
    ) {
        self.context = context
        self.inspector = inspector
        self.blobs = blobs
        self.limitBytes = limitBytes
    }

    public func callAsFunction(
        _ filing: Filing, into caseID: CaseID, in court: OpenCourt, identity: CourtIdentity, validateOnly: Bool
    ) async throws -> Outcome {
        let filer = try CourtAccess(context).eFiler(in: court, identity: identity)
        let docket = try await context.stores.docket(court.id)
        guard let courtCase = try await docket.courtCase(caseID) else {
            throw CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        }
        guard let event = EventCatalog.event(filing.eventID), !event.opensCase else {
            throw CourtError(.invalid, "Choose an event from the court's catalog.", fields: ["event": "Unknown event."])
        }
        let participations = try await docket.participations(of: caseID).filter { $0.account == filer.id }
        if let refusal = FilingAuthorization.refusal(
            role: filer.role, event: event, opening: false, caseRestriction: courtCase.restriction,
            participations: participations, filers: filing.filers)
        {
            throw CourtError(.notAllowedToFile, Self.words(refusal), fields: ["reason": refusal.code])
        }
        if event.documentRequired, filing.files.isEmpty {
            throw CourtError(.invalid, "This event needs its PDF document.", fields: ["document": "Attach the PDF."])
        }
        if FeeSchedule.amount(event.fee) != .zero {
            throw CourtError(
                .invalid, "Filings with a fee are paid when payments arrive; this event cannot be filed yet.")
        }
        var problems: [(file: String, problem: String)] = []
        var hits: [(file: String, hit: RedactionCheck.Hit)] = []
        var uploads: [RecordEntry.Upload] = []
        for file in filing.files {
            let inspection = try await inspector.inspect(file.url, limitBytes: limitBytes)
            problems += inspection.problems.map { (file.originalName, $0.description) }
            let lookForMinors = courtCase.natureOfSuit?.minorsLikely ?? false
            hits += RedactionCheck.scan(pages: inspection.pageTexts, lookForMinors: lookForMinors).map {
                (file.originalName, $0)
            }
            if inspection.problems.isEmpty, !validateOnly {
                let kept = try await blobs.keep(file.url)
                uploads.append(
                    .init(
                        description: file.description, originalFileName: file.originalName,
                        pages: inspection.pageCount, bytes: kept.bytes, sha256: kept.sha256))
            }
        }
        if !problems.isEmpty { throw Rejected(problems: problems) }
        let parties = try await docket.parties(of: caseID)
        let text = DocketText.compose(
            event: event, added: filing.addedText,
            filers: filing.filers.compactMap { id in
                parties.first { $0.id == id }.map { DocketText.Filer(type: $0.type.label, name: $0.name) }
            },
            attachments: filing.files.dropFirst().map(\.description), filedBy: (filer.lastName, filer.firstName))
        let fee = FeeSchedule.amount(event.fee)
        if validateOnly { return Outcome(docketText: text, fee: fee, redactionHits: hits, entry: nil, repeated: false) }
        if !hits.isEmpty, !filing.redactionAcknowledged {
            throw CourtError(
                .redactionNotAcknowledged,
                "The documents show what Rule 5.2 says to redact (see each finding). Redact it, or confirm that you have met your redaction responsibility, and file again."
            )
        }
        let record = RecordEntry(store: docket, court: court.court, clock: context.clock)
        let key = filing.idempotencyKey.map { "\(filer.id):\($0)" }
        let stored = uploads
        func repeated(_ first: DocketEntry) -> Outcome {
            Outcome(docketText: first.text, fee: fee, redactionHits: hits, entry: first, repeated: true)
        }
        if let key, let first = try await docket.filing(forKey: key) { return repeated(first) }
        let entry: DocketEntry
        do {
            // Taking the entry number is the transaction's first write (it locks the case); the key
            // is written after it, so a concurrent duplicate rolls back and gives its number back.
            entry = try await docket.transaction { transaction in
                let entry = try await record.record(
                    in: transaction, caseID: caseID, event: event, text: text, filedBy: filer.id, uploads: stored,
                    restriction: courtCase.restriction == .sealed ? .sealed : .public, outbox: [])
                if let key { try await transaction.remember(entry, forKey: key) }
                return entry
            }
        } catch {
            if let key, let first = try await docket.filing(forKey: key) { return repeated(first) }
            throw error
        }
        return Outcome(docketText: entry.text, fee: fee, redactionHits: hits, entry: entry, repeated: false)
    }

    static func words(_ refusal: FilingRefusal) -> String {
        switch refusal {
        case .roleMayNotFile: "Your court account receives notices but does not file."
        case .eventNotForRole(let role): "A \(role.label) account cannot file this event."
        case .mayNotOpenCases: "Only attorneys and the clerk open cases."
        case .notAParticipant:
            "You are not attorney of record for a party, or a party, in this case. Attorneys appear first with a Notice of Appearance."
        case .notYourParty(let id): "You do not represent party \(id) in this case."
        }
    }
}
