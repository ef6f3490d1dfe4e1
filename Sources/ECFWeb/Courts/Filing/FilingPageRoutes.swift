import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// Filing in the browser, without JavaScript: start (`/efile`) → the form (event, filing parties,
/// documents, docket text) → the review (docket text, pages, fee, redaction findings; the files
/// wait in a draft) → submit (acknowledgement, card) → the receipt. Opening a case goes the same
/// way from `/cases/new`.
struct FilingPageRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    var drafts: FilingDrafts { FilingDrafts(uploads: courts.uploads) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/efile") { request, context in
            let who = try await filer(request, context)
            let (court, filer, docket) = (who.court, who.account, who.docket)
            let cases = try await docket.cases(participatedBy: filer.id)
            guard let typed = request.uri.queryParameters.get("case") else {
                return try pages.render(FilingStartPage(context: context, court: court, filer: filer, cases: cases))
            }
            if let number = CaseNumber(typed.trimmingCharacters(in: .whitespaces)),
                let found = try await docket.courtCase(number: number)
            {
                return CourtPageRoutes.redirect(FilingPaths.form(court.id, found.id))
            }
            return try pages.render(
                FilingStartPage(
                    context: context, court: court, filer: filer, cases: cases, typed: String(typed.prefix(40)),
                    problem: "No case of \(court.court.name) has this number. Enter it as 2:26-cv-00001."),
                status: .notFound)
        }
        router.get("/ecf/{court}/cases/{caseId}/file") { request, context in
            try await formPage(request, context)
        }
        router.post("/ecf/{court}/cases/{caseId}/file/review") { request, context in
            try await reviewFiling(request, context)
        }
        router.post("/ecf/{court}/cases/{caseId}/file/submit") { request, context in
            try await submitFiling(request, context)
        }
        router.get("/ecf/{court}/cases/{caseId}/entries/{seq}/receipt") { request, context in
            try await receipt(request, context)
        }
        CaseOpeningPageRoutes(routes: self).register(on: router)
    }

    /// Who files from this browser in which court: the court, the e-filer's account, the identity
    /// the use cases check again, and the court's docket — or the refusal page.
    struct Filer {
        let court: OpenCourt
        let account: CourtAccount
        let identity: CourtIdentity
        let docket: any DocketStore
    }

    func filer(_ request: Request, _ context: AppRequestContext) async throws -> Filer {
        let court = try await courts.court(context)
        try court.requireAvailable()
        let identity = try await courts.pageIdentity(request, context, in: court)
        return Filer(
            court: court, account: try courts.access.eFiler(in: court, identity: identity), identity: identity,
            docket: try await courts.context.stores.docket(court.id))
    }

    func formPage(
        _ request: Request, _ context: AppRequestContext, answers: FilingFormPage.Answers = .init(),
        problems: [String: String] = [:], fileProblems: [(file: String, problem: String)] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let who = try await filer(request, context)
        let (court, filer, docket) = (who.court, who.account, who.docket)
        let caseID = try context.caseID(in: court)
        let participations = try await docket.participations(of: caseID).filter { $0.account == filer.id }
        guard let courtCase = try await docket.courtCase(caseID),
            !FileDocument.hidden(courtCase, from: filer, participations: participations)
        else { throw CourtError(.notFound, "There is no case with this number in \(court.court.name).") }
        let mine = Set(participations.filter(\.isActive).map(\.partyID))
        return try pages.render(
            FilingFormPage(
                context: context, court: court, courtCase: courtCase, filer: filer,
                parties: try await docket.parties(of: caseID), mine: mine, settings: try await court.store.settings(),
                answers: answers, problems: problems, fileProblems: fileProblems),
            status: status)
    }

    func reviewFiling(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let who = try await filer(request, context)
        let (court, filer, docket) = (who.court, who.account, who.docket)
        let caseID = try context.caseID(in: court)
        let upload = try await FilingUpload.receive(request, courts: courts, court: court)
        defer { upload.discard() }
        var answers = FilingFormPage.Answers()
        answers.event = upload.text("event")
        answers.filers = Set(upload.texts("filer").compactMap { Int64($0) })
        answers.addedText = String(upload.text("docketText").prefix(500))
        answers.descriptions = (1...3).map { String(upload.text("attachment\($0)Description").prefix(100)) }
        var files: [UploadedFile] = []
        if let main = upload.file("document", description: "Main Document") { files.append(main) }
        for number in 1...3 {
            let typed = answers.descriptions[number - 1].trimmingCharacters(in: .whitespaces)
            if let file = upload.file("attachment\(number)", description: typed.isEmpty ? "Exhibit" : typed) {
                files.append(file)
            }
        }
        let draftFiling = FileDocument.Filing(
            eventID: answers.event, filers: answers.filers.sorted(), addedText: answers.addedText, files: files,
            redactionAcknowledged: false, idempotencyKey: nil)
        let outcome: FileDocument.Outcome
        do {
            outcome = try await courts.file(
                draftFiling, into: caseID, in: court, identity: who.identity, validateOnly: true)
        } catch let rejected as FileDocument.Rejected {
            return try await formPage(
                request, context, answers: answers, fileProblems: rejected.problems, status: .unprocessableContent)
        } catch let error as CourtError where error.code == .invalid {
            return try await formPage(
                request, context, answers: answers,
                problems: error.fields.isEmpty ? ["form": error.message] : error.fields, status: .unprocessableContent)
        }
        guard let courtCase = try await docket.courtCase(caseID) else { throw CourtError(.notFound, "No such case.") }
        var draft = FilingDraft(
            id: FilingDraft.newID(), kind: .filing, court: court.id.rawValue, caseID: caseID.rawValue,
            account: filer.id.rawValue, createdAt: court.now)
        draft.event = answers.event
        draft.filers = answers.filers.sorted()
        draft.addedText = answers.addedText
        draft = try drafts.save(draft, files: files)
        return try pages.render(
            reviewPage(
                context, court: court, courtCase: courtCase, draft: draft, outcome: outcome, eventID: answers.event))
    }

    func reviewPage(
        _ context: AppRequestContext, court: OpenCourt, courtCase: CourtCase, draft: FilingDraft,
        outcome: FileDocument.Outcome, eventID: String, form: FormData = FormData(""),
        problems: [String: String] = [:], problem: String? = nil
    ) -> FilingReviewPage {
        FilingReviewPage(
            context: context, draft: draft,
            summary: [
                .init(label: "Case", value: "\(courtCase.number) \(courtCase.title)"),
                .init(label: "Event", value: EventCatalog.event(eventID, in: court.court.kind)?.name ?? eventID),
            ],
            review: outcome.review,
            action: FilingPaths.form(court.id, courtCase.id) + "/submit",
            startAgain: FilingPaths.form(court.id, courtCase.id), form: form, problems: problems, problem: problem)
    }

    func submitFiling(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let who = try await filer(request, context)
        let (court, filer, docket) = (who.court, who.account, who.docket)
        let caseID = try context.caseID(in: court)
        let form = try await CourtPageRoutes.form(request)
        guard var draft = drafts.load(form.text("draft"), account: filer.id, now: court.now),
            draft.kind == .filing, draft.caseID == caseID.rawValue,
            let courtCase = try await docket.courtCase(caseID)
        else { throw Self.draftGone(FilingPaths.form(court.id, caseID)) }
        if let receipt = draft.receipt { return CourtPageRoutes.redirect(receipt) }
        let files = drafts.files(of: draft)
        func filing(acknowledged: Bool, card: PaymentCard?) -> FileDocument.Filing {
            .init(
                eventID: draft.event ?? "", filers: draft.filers, addedText: draft.addedText, files: files,
                redactionAcknowledged: acknowledged, card: card, idempotencyKey: draft.id)
        }
        do {
            let card = try Self.card(form, today: court.today)
            let outcome = try await courts.file(
                filing(acknowledged: form.checked("acknowledged"), card: card), into: caseID, in: court,
                identity: who.identity, validateOnly: false)
            guard let entry = outcome.entry else { throw CourtError(.invalid, "The filing was not made.") }
            let location = FilingPaths.receipt(court.id, caseID, seq: entry.seq) + "?notice=filed"
            draft.receipt = location
            try? drafts.write(draft)
            return CourtPageRoutes.redirect(location)
        } catch let error as CourtError where Self.answerable.contains(error.code) {
            // The review again, with the answer's problem (the files are still in the draft).
            guard
                let outcome = try? await courts.file(
                    filing(acknowledged: false, card: nil), into: caseID, in: court, identity: who.identity,
                    validateOnly: true)
            else { throw Self.draftGone(FilingPaths.form(court.id, caseID)) }
            return try pages.render(
                reviewPage(
                    context, court: court, courtCase: courtCase, draft: draft, outcome: outcome,
                    eventID: draft.event ?? "", form: form, problems: Self.problems(error),
                    problem: error.message),
                status: ErrorPageMiddleware.status(of: error.code))
        }
    }

    /// Refusals the filer answers on the review page (the card, the acknowledgement).
    static let answerable: Set<CourtError.Code> = [
        .invalid, .redactionNotAcknowledged, .paymentRequired, .paymentDeclined, .paymentUnavailable,
    ]

    static func problems(_ error: CourtError) -> [String: String] {
        if error.code == .redactionNotAcknowledged {
            return [
                "acknowledged":
                    "Confirm that the documents meet your redaction responsibility, or go back and redact them."
            ]
        }
        return error.fields.filter { ["cardNumber", "cardExpiry", "cardHolder"].contains($0.key) }
    }

    /// The card typed on the review page; `nil` when no card field was filled in.
    static func card(_ form: FormData, today: DateOnly) throws -> PaymentCard? {
        let typed = ["cardNumber", "cardExpiry", "cardHolder"].map { form.text($0) }
        guard typed.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        switch PaymentCard.typed(number: typed[0], expiry: typed[1], holder: typed[2], today: today) {
        case .success(let card): return card
        case .failure(let problems): throw CourtError.invalid(problems, "Check the card details.")
        }
    }

    static func draftGone(_ start: String) -> CourtError {
        CourtError(
            .notFound,
            "This review has expired or belongs to another sign-in (reviews are kept for two hours). Start the filing again from \(start)."
        )
    }

    func receipt(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let court = try await courts.court(context)
        let caseID = try context.caseID(in: court)
        let view = try await ReadCase(courts.context)(
            caseID, in: court, identity: try await courts.pageIdentity(request, context, in: court))
        guard let seq = Int(try context.parameters.require("seq")),
            let entry = view.entries.first(where: { $0.seq == seq })
        else { throw CourtError(.notFound, "There is no such entry in this case.") }
        let docket = try await courts.context.stores.docket(court.id)
        let payment = try await docket.payment(of: caseID, seq: seq)
        let records = try await docket.serviceRecords(of: caseID).filter { $0.seq == seq }
        let otherMeans =
            view.viewer == .outsider
            ? []
            : try await ElectronicService(courts.context).otherMeans(for: entry, in: view.courtCase, court: court)
        let notice: String? =
            switch request.uri.queryParameters.get("notice") {
            case "filed": "Your filing is docketed."
            case "opened": "The case is opened and your complaint is docketed as entry 1."
            default: nil
            }
        return try pages.render(
            FilingReceiptPage(
                context: context, court: court, courtCase: view.courtCase, entry: entry,
                payment: view.viewer == .outsider ? nil : payment, records: view.viewer == .outsider ? [] : records,
                otherMeans: otherMeans, notice: notice))
    }
}

extension FilingDraft {
    static func newID() -> String { UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }
}
