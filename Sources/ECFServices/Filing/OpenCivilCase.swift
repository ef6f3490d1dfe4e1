import ECFDomain
import Foundation

/// An attorney opens a civil case: the cover data is checked, the complaint inspected like any
/// filing (with the Rule 5.2 check), the civil filing fee paid, and then the case is numbered and
/// the complaint docketed as entry 1. The same idempotency key again returns the first case.
public struct OpenCivilCase: Sendable {
    public struct Request: Sendable {
        public let form: CaseOpeningForm
        public let complaint: UploadedFile?
        public let redactionAcknowledged: Bool
        public let card: PaymentCard?
        public let idempotencyKey: String?

        public init(
            form: CaseOpeningForm, complaint: UploadedFile?, redactionAcknowledged: Bool, card: PaymentCard?,
            idempotencyKey: String?
        ) {
            self.form = form
            self.complaint = complaint
            self.redactionAcknowledged = redactionAcknowledged
            self.card = card
            self.idempotencyKey = idempotencyKey
        }
    }

    public struct Outcome: Sendable {
        public let review: FilingReview
        /// `nil` for a validate-only call.
        public let opened: OpenCase.Opened?
        public let payment: Payment?
        public let repeated: Bool
    }

    let context: CourtContext
    let inspector: any PDFInspector
    let blobs: any DocumentBlobStore
    let payments: any PaymentGateway
    let random: any RandomSource

    public init(
        _ context: CourtContext, inspector: any PDFInspector, blobs: any DocumentBlobStore,
        payments: any PaymentGateway, random: any RandomSource
    ) {
        self.context = context
        self.inspector = inspector
        self.blobs = blobs
        self.payments = payments
        self.random = random
    }

    public func callAsFunction(
        _ request: Request, in court: OpenCourt, identity: CourtIdentity, validateOnly: Bool
    ) async throws -> Outcome {
        let filer = try CourtAccess(context).eFiler(in: court, identity: identity)
        let complaintEvent = EventCatalog.event("complaint")!
        if let refusal = FilingAuthorization.refusal(
            role: filer.role, event: complaintEvent, opening: true, caseRestriction: .public, participations: [],
            filers: [])
        {
            throw CourtError(.notAllowedToFile, FileDocument.words(refusal), fields: ["reason": refusal.code])
        }
        let valid: CaseOpeningForm.Valid
        switch request.form.validate() {
        case .success(let checked): valid = checked
        case .failure(let problems):
            throw CourtError.invalid(problems, "Some answers on the case form need another look.")
        }
        guard let complaint = request.complaint else {
            throw CourtError(
                .invalid, "Attach the complaint as a PDF.", fields: ["document": "Attach the complaint (PDF)."])
        }
        let docket = try await context.stores.docket(court.id)
        let inspect = InspectUploads(inspector: inspector, blobs: blobs, settings: try await court.store.settings())
        let findings = try await inspect([complaint], lookForMinors: valid.natureOfSuit.minorsLikely)
        if !findings.problems.isEmpty { throw FileDocument.Rejected(problems: findings.problems) }
        let fee = FeeSchedule.amount(complaintEvent.fee)
        func outcome(_ opened: OpenCase.Opened?, payment: Payment?, repeated: Bool) -> Outcome {
            let text = opened?.entry.text ?? OpenCase.complaintText(valid.parties, by: filer, receipt: nil)
            return Outcome(
                review: FilingReview(docketText: text, fee: fee, findings: findings), opened: opened, payment: payment,
                repeated: repeated)
        }
        if validateOnly { return outcome(nil, payment: nil, repeated: false) }
        if !findings.hits.isEmpty, !request.redactionAcknowledged {
            throw CourtError(
                .redactionNotAcknowledged,
                "The complaint shows what Rule 5.2 says to redact (see each finding). Redact it, or confirm that you have met your redaction responsibility, and file again."
            )
        }
        let key = request.idempotencyKey.map { "\(filer.id):\($0)" }
        func firstCase() async throws -> OpenCase.Opened? {
            guard let key, let entry = try await docket.filing(forKey: key),
                let courtCase = try await docket.courtCase(entry.caseID)
            else { return nil }
            return OpenCase.Opened(courtCase: courtCase, entry: entry)
        }
        if let first = try await firstCase() { return outcome(first, payment: nil, repeated: true) }
        let collect = CollectFee(gateway: payments)
        let payment = try await collect(
            fee, card: request.card, description: "Civil case filing fee, \(valid.title) (\(court.court.name))")
        let judges = try await court.store.accounts(roles: [.judge])
        let open = OpenCase(store: docket, court: court.court, clock: context.clock, random: random)
        let serve = ServeEntry(context: context, court: court)
        do {
            let opened = try await collect.refunding(payment) {
                let stored = try await inspect.keep([complaint], findings)
                return try await open(
                    .init(cover: valid, complaint: stored[0]), by: filer, judges: judges, payment: payment,
                    idempotencyKey: key
                ) { transaction, opened, parties, participations in
                    let service = ServiceList.build(
                        parties: parties, participations: participations, accounts: [filer.id: filer],
                        subscribers: [], courtStaff: [], entryRestriction: .public, caseRestriction: .public,
                        filedBy: filer.id)
                    try await serve.write(
                        service, entry: opened.entry, courtCase: opened.courtCase,
                        enteredBy: "\(filer.lastName), \(filer.firstName)", in: transaction)
                }
            }
            return outcome(opened, payment: payment, repeated: false)
        } catch {
            if let first = try await firstCase() { return outcome(first, payment: nil, repeated: true) }
            throw error
        }
    }
}
