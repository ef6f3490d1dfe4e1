import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// Opening a civil case in the browser: `/ecf/{court}/cases/new` (cover data, parties, complaint)
/// → review (docket text, pages, redaction findings, the $405 fee) → submit (card) → the receipt
/// of entry 1 with the case number.
struct CaseOpeningPageRoutes {
    let routes: FilingPageRoutes

    var courts: CourtsWeb { routes.courts }
    var pages: PageRenderer { routes.pages }

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/cases/new") { request, context in
            let who = try await routes.filer(request, context)
            try Self.mayOpen(who.account)
            return try pages.render(
                CaseOpeningPage(context: context, court: who.court, settings: try await who.court.store.settings()))
        }
        router.post("/ecf/{court}/cases/new/review") { request, context in
            try await review(request, context)
        }
        router.post("/ecf/{court}/cases/new/submit") { request, context in
            try await submit(request, context)
        }
    }

    static func mayOpen(_ account: CourtAccount) throws {
        guard account.role == .attorney || account.role == .clerk else {
            throw CourtError(
                .notAllowedToFile, FileDocument.words(.mayNotOpenCases),
                fields: ["reason": FilingRefusal.mayNotOpenCases.code])
        }
    }

    func review(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let who = try await routes.filer(request, context)
        try Self.mayOpen(who.account)
        let upload = try await FilingUpload.receive(request, courts: courts, court: who.court)
        defer { upload.discard() }
        let form = CaseOpeningForm(
            title: upload.text("title"), natureOfSuit: upload.text("natureOfSuit"), cause: upload.text("cause"),
            jurisdiction: upload.text("jurisdiction"), juryDemand: upload.text("juryDemand"),
            demand: upload.text("demand"),
            parties: (0..<CaseOpeningPage.rows).map {
                .init(
                    name: upload.text("party\($0)Name"), type: upload.text("party\($0)Type"),
                    represented: !upload.text("party\($0)Represented").isEmpty)
            })
        let complaint = upload.file("document", description: "Complaint")
        let outcome: OpenCivilCase.Outcome
        do {
            outcome = try await courts.openCase(
                .init(form: form, complaint: complaint, redactionAcknowledged: false, card: nil, idempotencyKey: nil),
                in: who.court, identity: who.identity, validateOnly: true)
        } catch let rejected as FileDocument.Rejected {
            return try await formPage(context, who, form: form, fileProblems: rejected.problems)
        } catch let error as CourtError where error.code == .invalid {
            return try await formPage(context, who, form: form, problems: error.fields)
        }
        var draft = FilingDraft(
            id: FilingDraft.newID(), kind: .caseOpening, court: who.court.id.rawValue, caseID: nil,
            account: who.account.id.rawValue, createdAt: who.court.now)
        draft.caseForm = form
        draft = try routes.drafts.save(draft, files: complaint.map { [$0] } ?? [])
        return try pages.render(reviewPage(context, who, draft: draft, outcome: outcome))
    }

    func formPage(
        _ context: AppRequestContext, _ who: FilingPageRoutes.Filer, form: CaseOpeningForm,
        problems: [String: String] = [:], fileProblems: [(file: String, problem: String)] = []
    ) async throws -> Response {
        try pages.render(
            CaseOpeningPage(
                context: context, court: who.court, settings: try await who.court.store.settings(), form: form,
                problems: problems, fileProblems: fileProblems),
            status: .unprocessableContent)
    }

    func reviewPage(
        _ context: AppRequestContext, _ who: FilingPageRoutes.Filer, draft: FilingDraft,
        outcome: OpenCivilCase.Outcome, form: FormData = FormData(""), problems: [String: String] = [:],
        problem: String? = nil
    ) -> FilingReviewPage {
        let typed = draft.caseForm
        let nature = typed.flatMap { Int($0.natureOfSuit) }.flatMap(NatureOfSuit.named)
        return FilingReviewPage(
            context: context, draft: draft,
            summary: [
                .init(label: "Case title", value: typed?.title ?? ""),
                .init(label: "Nature of suit", value: nature?.description ?? ""),
                .init(label: "Cause", value: typed?.cause ?? ""),
                .init(label: "Jurisdiction", value: typed?.jurisdiction ?? ""),
                .init(label: "Jury demand", value: typed?.juryDemand ?? ""),
            ],
            review: outcome.review,
            action: FilingPaths.newCase(who.court.id) + "/submit", startAgain: FilingPaths.newCase(who.court.id),
            form: form, problems: problems, problem: problem)
    }

    func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let who = try await routes.filer(request, context)
        let form = try await CourtPageRoutes.form(request)
        guard var draft = routes.drafts.load(form.text("draft"), account: who.account.id, now: who.court.now),
            draft.kind == .caseOpening, let caseForm = draft.caseForm
        else { throw FilingPageRoutes.draftGone(FilingPaths.newCase(who.court.id)) }
        if let receipt = draft.receipt { return CourtPageRoutes.redirect(receipt) }
        let complaint = routes.drafts.files(of: draft).first
        do {
            let card = try FilingPageRoutes.card(form, today: who.court.today)
            let outcome = try await courts.openCase(
                .init(
                    form: caseForm, complaint: complaint, redactionAcknowledged: form.checked("acknowledged"),
                    card: card, idempotencyKey: draft.id),
                in: who.court, identity: who.identity, validateOnly: false)
            guard let opened = outcome.opened else { throw CourtError(.invalid, "The case was not opened.") }
            let location =
                FilingPaths.receipt(who.court.id, opened.courtCase.id, seq: opened.entry.seq) + "?notice=opened"
            draft.receipt = location
            try? routes.drafts.write(draft)
            return CourtPageRoutes.redirect(location)
        } catch let error as CourtError where FilingPageRoutes.answerable.contains(error.code) {
            guard
                let outcome = try? await courts.openCase(
                    .init(
                        form: caseForm, complaint: complaint, redactionAcknowledged: false, card: nil,
                        idempotencyKey: nil),
                    in: who.court, identity: who.identity, validateOnly: true)
            else { throw FilingPageRoutes.draftGone(FilingPaths.newCase(who.court.id)) }
            return try pages.render(
                reviewPage(
                    context, who, draft: draft, outcome: outcome, form: form,
                    problems: FilingPageRoutes.problems(error), problem: error.message),
                status: ErrorPageMiddleware.status(of: error.code))
        }
    }
}
