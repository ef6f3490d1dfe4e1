import ECFDomain
import ECFServices
import Foundation
import HTTPTypes
import Hummingbird

/// `/ecf/{court}/doc1/{docId}`: a filed document, for whoever may see it (the browser's sign-ins,
/// or `Authorization: Bearer` for programs, or a notice's free-look link), at the PACER fee: free
/// views open at once; a billable one asks the browser to accept the charge first (POST), then
/// opens through the bought view's link for 24 hours; a program is charged as it downloads, the
/// receipt in `X-PACER-*` headers. Sent in chunks from disk, never held whole.
struct DocumentRoutes {
    let courts: CourtsWeb
    let pages: PageRenderer

    /// How long a bought document opens again without a charge.
    static let boughtViewLifetime: TimeInterval = 24 * 3600

    func register(on router: Router<AppRequestContext>) {
        router.get("/ecf/{court}/doc1/{docId}") { request, context in
            try await serve(request, context, accept: false)
        }
        router.post("/ecf/{court}/doc1/{docId}") { request, context in
            try await serve(request, context, accept: true)
        }
    }

    func serve(_ request: Request, _ context: AppRequestContext, accept: Bool) async throws -> Response {
        let court = try await courts.court(context)
        let program = request.headers[.authorization] != nil
        let identity =
            program
            ? try await courts.apiIdentity(request, in: court)
            : try await courts.pageIdentity(request, context, in: court)
        let typed = try context.parameters.require("docId")
        guard let (id, menu) = DocumentID.read(typed) else {
            throw CourtError(.notFound, "There is no document with this number in \(court.court.name).")
        }
        // The entry's documents when it has attachments (its docket number points here).
        if menu, !program {
            let listing = try await ListEntryDocuments(courts.context)(id, in: court, identity: identity)
            if listing.entry.documents.count > 1 {
                return try pages.render(AttachmentPage(context: context, court: court, listing: listing))
            }
        }
        let docID = id.rawValue
        let back = "/ecf/\(court.id.rawValue)/doc1/\(docID)"
        let opened: OpenDocument.Opened
        do {
            opened = try await OpenDocument(courts.context, blobs: courts.blobs)(
                docID, in: court, identity: identity, client: context.clientAddress,
                magicNumber: request.uri.queryParameters.get("magic_num"))
        } catch let error as CourtError where error.code == .notSignedIn && !program {
            // A used or expired free look: sign in, then come back to the document.
            return CourtPageRoutes.redirect("/pacer/login?next=\(back)&notice=freeLookUsed")
        }
        let quote: ChargeView.Quote
        do {
            quote = try await ChargeView(courts.context).quote(
                AccessFees.document(pages: opened.document.pages, eventID: opened.entry.eventID),
                description: "Image \(Self.label(opened))", criteria: opened.courtCase.number.description, in: court,
                identity: identity, viewer: opened.viewer, freeLook: opened.freeLook,
                clientCode: ClientCodeInput.read(request, context))
        } catch let error as CourtError where error.code == .notSignedIn && !program {
            return CourtPageRoutes.redirect("/pacer/login?next=\(back)")
        }
        guard quote.billable, let receipt = quote.receipt else {
            return try await pdf(opened, context, receipt: quote.receipt)
        }
        if program {
            try await ChargeView(courts.context).record(
                quote, document: opened.document.id, caseID: opened.courtCase.id)
            return try await pdf(opened, context, receipt: receipt)
        }
        if !accept, let key = request.uri.queryParameters.get("view"),
            try await bought(String(key), opened.document.id, by: identity, in: court)
        {
            return try await pdf(opened, context, receipt: nil)
        }
        guard accept else {
            return try pages.render(
                DocumentPurchasePage(context: context, court: court, opened: opened, receipt: receipt, viewKey: nil))
        }
        let key = try await ChargeView(courts.context).record(
            quote, document: opened.document.id, caseID: opened.courtCase.id)
        return try pages.render(
            DocumentPurchasePage(context: context, court: court, opened: opened, receipt: receipt, viewKey: key))
    }

    /// This account bought this document within the last 24 hours with this view.
    func bought(_ key: String, _ document: DocumentID, by identity: CourtIdentity, in court: OpenCourt) async throws
        -> Bool
    {
        guard case .pacer(let profile, _) = identity,
            let view = try await courts.context.stores.docket(court.id).view(key)
        else { return false }
        return view.account == profile.accountID && view.document == document
            && court.now.timeIntervalSince(view.viewedAt) < Self.boughtViewLifetime
    }

    /// `2` for a main document, `2-1` for its first attachment.
    static func label(_ opened: OpenDocument.Opened) -> String {
        let number = opened.entry.number.map(String.init) ?? "seq \(opened.entry.seq)"
        return opened.document.attachment == 0 ? number : "\(number)-\(opened.document.attachment)"
    }

    func pdf(_ opened: OpenDocument.Opened, _ context: AppRequestContext, receipt: ChargeView.Receipt?) async throws
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = "application/pdf"
        headers[.contentDisposition] = "inline; filename=\"\(opened.document.id).pdf\""
        headers[.cacheControl] = "private, no-store"
        headers[.contentLength] = String(opened.document.bytes)
        if let receipt {
            headers[HTTPField.Name("X-PACER-Billable-Pages")!] = String(receipt.pages)
            headers[HTTPField.Name("X-PACER-Cost-Cents")!] = String(receipt.amount.cents)
            if !receipt.clientCode.isEmpty { headers[ClientCodeInput.header] = receipt.clientCode }
        }
        return Response(
            status: .ok, headers: headers,
            body: try await FileIO().loadFile(path: opened.file.path, context: context))
    }
}
