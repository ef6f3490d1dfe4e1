import ECFDomain
import ECFServices
import Foundation
import Hummingbird

/// `/ecf/{court}/doc1/{docId}`: a filed document, for whoever may see it (the browser's sign-ins,
/// or `Authorization: Bearer` for programs, or a notice's free-look link). Sent in chunks from disk,
/// never held whole.
struct DocumentRoutes {
    let courts: CourtsWeb

    func register(on router: Router<AppRequestContext>) {
        let files = FileIO()
        router.get("/ecf/{court}/doc1/{docId}") { request, context in
            let court = try await courts.court(context)
            let identity =
                request.headers[.authorization] != nil
                ? try await courts.apiIdentity(request, in: court)
                : try await courts.pageIdentity(request, context, in: court)
            let docID = try context.parameters.require("docId")
            let opened: OpenDocument.Opened
            do {
                opened = try await OpenDocument(courts.context, blobs: courts.blobs)(
                    docID, in: court, identity: identity, client: context.clientAddress,
                    magicNumber: request.uri.queryParameters.get("magic_num"))
            } catch let error as CourtError where error.code == .notSignedIn && request.headers[.authorization] == nil {
                // A used or expired free look: sign in, then come back to the document.
                let back = "/ecf/\(court.id.rawValue)/doc1/\(docID)"
                return CourtPageRoutes.redirect("/pacer/login?next=\(back)&notice=freeLookUsed")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/pdf"
            headers[.contentDisposition] = "inline; filename=\"\(opened.document.id).pdf\""
            headers[.cacheControl] = "private, no-store"
            headers[.contentLength] = String(opened.document.bytes)
            return Response(
                status: .ok, headers: headers, body: try await files.loadFile(path: opened.file.path, context: context))
        }
    }
}
