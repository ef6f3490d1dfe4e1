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
        public let files: [UploadedFile]
        public let redactionAcknowledged: Bool
        /// The card for the event's fee, when it has one.
        public let card: PaymentCard?
        public let idempotencyKey: String?

        public init(
            eventID: String, filers: [Int64], addedText: String?, files: [UploadedFile], redactionAcknowledged: Bool,
            card: PaymentCard? = nil, idempotencyKey: String?
        ) {
            self.eventID = eventID
            self.filers = filers
            self.addedText = addedText
            self.files = files
            self.redactionAcknowledged = redactionAcknowledged
            self.card = card
            self.idempotencyKey = idempotencyKey
        }
    }

    /// What a filing would be, or was.
    public struct Outcome: Sendable {
        public let review: FilingReview
        /// `nil` for a validate-only call.
        public let entry: DocketEntry?
        public let payment: Payment?
        public let repeated: Bool
    }

    /// The documents' problems, per file, in words a filer understands.
    public struct Rejected: Error, Sendable {
        public let problems: [(file: String, problem: String)]
    }

    let context: CourtContext
    let inspector: any PDFInspector
    let blobs: any DocumentBlobStore
    let payments: any PaymentGateway

    public init(
        _ context: CourtContext, inspector: any PDFInspector, blobs: any DocumentBlobStore,
        payments: any PaymentGateway
    ) {
        self.context = context
        self.inspector = inspector
        self.blobs = blobs
        self.payments = payments
    }

    public func callAsFunction(
        _ filing: Filing, into caseID: CaseID, in court: OpenCourt, identity: CourtIdentity, validateOnly: Bool
    ) async throws -> Outcome {
        let filer = try CourtAccess(context).eFiler(in: court, identity: identity)
        let docket = try await context.stores.docket(court.id)
        guard let courtCase = try await docket.courtCase(caseID) else {
            throw CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        }
        guard let event = EventCatalog.event(filing.eventID, in: court.court.kind), !event.opensCase else {
            throw CourtError(.invalid, "Choose an event from the court's catalog.", fields: ["event": "Unknown event."])
        }
        let participations = try await docket.participations(of: caseID).filter { $0.account == filer.id }
        if Self.hidden(courtCase, from: filer, participations: participations) {
            throw CourtError(.notFound, "There is no case with this number in \(court.court.name).")
        }
        if let refusal = FilingAuthorization.refusal(
            role: filer.role, event: event, opening: false, caseRestriction: courtCase.restriction,
            participations: participations, filers: filing.filers)
        {
            throw CourtError(.notAllowedToFile, Self.words(refusal), fields: ["reason": refusal.code])
        }
        if filing.filers.isEmpty, filer.role == .attorney || filer.role == .proSeFiler {
            throw CourtError(
                .invalid, "Choose the party or parties you file for.",
                fields: ["filers": "Choose the party or parties you file for."])
        }
        let parties = try await docket.parties(of: caseID)
        if let unknown = filing.filers.first(where: { id in !parties.contains { $0.id == id } }) {
            throw CourtError(
                .invalid, "Party \(unknown) is not a party to this case.",
                fields: ["filers": "Choose parties of this case."])
        }
        if event.documentRequired, filing.files.isEmpty {
            throw CourtError(.invalid, "This event needs its PDF document.", fields: ["document": "Attach the PDF."])
        }
        let inspect = InspectUploads(inspector: inspector, blobs: blobs, settings: try await court.store.settings())
        let findings = try await inspect(filing.files, lookForMinors: courtCase.natureOfSuit?.minorsLikely ?? false)
        if !findings.problems.isEmpty { throw Rejected(problems: findings.problems) }
        let fee = FeeSchedule.amount(event.fee)
        func text(receipt: String?) -> String {
            DocketText.compose(
                event: event, added: filing.addedText, fee: (fee, receipt),
                filers: filing.filers.compactMap { id in
                    parties.first { $0.id == id }.map { DocketText.Filer(type: $0.type.label, name: $0.name) }
                },
                attachments: filing.files.dropFirst().map(\.description), filedBy: (filer.lastName, filer.firstName))
        }
        func outcome(_ entry: DocketEntry?, payment: Payment?, repeated: Bool) -> Outcome {
            Outcome(
                review: FilingReview(docketText: entry?.text ?? text(receipt: nil), fee: fee, findings: findings),
                entry: entry, payment: payment, repeated: repeated)
        }
        if validateOnly { return outcome(nil, payment: nil, repeated: false) }
        if !findings.hits.isEmpty, !filing.redactionAcknowledged {
            throw CourtError(
                .redactionNotAcknowledged,
                "The documents show what Rule 5.2 says to redact (see each finding). Redact it, or confirm that you have met your redaction responsibility, and file again."
            )
        }
        let key = filing.idempotencyKey.map { "\(filer.id):\($0)" }
        if let key, let first = try await docket.filing(forKey: key) {
            return outcome(first, payment: nil, repeated: true)
        }
        let collect = CollectFee(gateway: payments)
        let payment = try await collect(
            fee, card: filing.card, description: "\(event.name) in \(courtCase.number) (\(court.court.name))")
        let record = RecordEntry(store: docket, court: court.court, clock: context.clock)
        // A Notice of Appearance makes the attorney attorney of record for its parties.
        let appearing =
            event.id == "noticeOfAppearance" && filer.role == .attorney
            ? Set(filing.filers).subtracting(participations.filter(\.isActive).map(\.partyID)).sorted().map {
                Participation(caseID: caseID, partyID: $0, account: filer.id, kind: .attorney([.toBeNoticed]))
            } : []
        let restriction: Restriction = courtCase.restriction == .sealed ? .sealed : .public
        let serve = ServeEntry(context: context, court: court)
        let service = try await serve.serviceList(
            courtCase: courtCase, parties: parties,
            participations: try await docket.participations(of: caseID) + appearing, restriction: restriction,
            filedBy: filer.id)
        let entry: DocketEntry
        do {
            entry = try await collect.refunding(payment) {
                let stored = try await inspect.keep(filing.files, findings)
                let docketText = text(receipt: payment?.receiptNumber)
                // Taking the entry number is the transaction's first write (it locks the case); the key
                // is written after it, so a concurrent duplicate rolls back and gives its number back.
                return try await docket.transaction { transaction in
                    let entry = try await record.record(
                        in: transaction, caseID: caseID, event: event, text: docketText, filedBy: filer.id,
                        uploads: stored, restriction: restriction, outbox: [])
                    if let payment { try await transaction.insert(payment, for: entry, by: filer.id) }
                    for participation in appearing { try await transaction.insert(participation) }
                    try await serve.write(
                        service, entry: entry, courtCase: courtCase, enteredBy: "\(filer.lastName), \(filer.firstName)",
                        in: transaction)
                    if let key { try await transaction.remember(entry, forKey: key) }
                    return entry
                }
            }
        } catch {
            if let key, let first = try await docket.filing(forKey: key) {
                return outcome(first, payment: nil, repeated: true)
            }
            throw error
        }
        return outcome(entry, payment: payment, repeated: false)
    }

    /// A sealed case is not shown to a filer outside it: such a filer learns nothing, not even
    /// that the case exists (its participants still file into it).
    public static func hidden(_ courtCase: CourtCase, from filer: CourtAccount, participations: [Participation])
        -> Bool
    {
        courtCase.restriction == .sealed && filer.role != .clerk && filer.role != .judge
            && !participations.contains { $0.account == filer.id && $0.isActive }
    }

    /// A refusal in words a filer understands.
    public static func words(_ refusal: FilingRefusal) -> String {
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
