import ECFDomain
import ECFServices
import Foundation
import HTTPTypes
import Hummingbird

/// Filing through the API, as multipart/form-data with an `Idempotency-Key` header, or
/// `?validateOnly=true` for the review (docket text, fee, pages, redaction findings) without filing:
/// - `POST /api/v1/courts/{court}/cases` — the JSON part `case`, the complaint as `document`;
/// - `POST /api/v1/courts/{court}/cases/{caseId}/filings` — the JSON part `filing`, the PDF
///   `document`, attachments `attachment1`, `attachment2`… in the order of `attachments`.
struct FilingRoutes {
    let courts: CourtsWeb

    func register(on router: Router<AppRequestContext>) {
        router.post("/api/v1/courts/{court}/cases") { request, context in
            let court = try await courts.court(context)
            try court.requireAvailable()
            let identity = try await courts.apiIdentity(request, in: court)
            _ = try courts.access.eFiler(in: court, identity: identity)
            let upload = try await FilingUpload.receive(request, courts: courts, court: court)
            defer { upload.discard() }
            let part: FilingDTO.CasePart = try upload.json("case", example: "the case's cover data and parties")
            let outcome: OpenCivilCase.Outcome
            do {
                outcome = try await courts.openCase(
                    .init(
                        form: part.form, complaint: upload.file("document", description: "Complaint"),
                        redactionAcknowledged: part.redactionAcknowledged ?? false,
                        card: try part.payment?.card(today: court.today),
                        idempotencyKey: request.headers[Self.idempotencyKey]),
                    in: court, identity: identity, validateOnly: Self.validateOnly(request))
            } catch let rejected as FileDocument.Rejected {
                return try JSONResponse.make(FilingDTO.Problems(rejected), status: .unprocessableContent)
            }
            guard let opened = outcome.opened else {
                return try JSONResponse.make(FilingDTO.Review(outcome.review))
            }
            return try JSONResponse.make(
                FilingDTO.CaseOpened(
                    caseId: String(opened.courtCase.id.rawValue), caseNumber: opened.courtCase.number.description,
                    title: opened.courtCase.title, entryNumber: opened.entry.number, docketText: opened.entry.text,
                    documents: opened.entry.documents.map(FilingDTO.Document.init),
                    payment: FilingDTO.PaymentReceipt(outcome.payment), repeated: outcome.repeated),
                status: outcome.repeated ? .ok : .created)
        }

        router.post("/api/v1/courts/{court}/cases/{caseId}/filings") { request, context in
            let court = try await courts.court(context)
            try court.requireAvailable()
            let caseID = try context.caseID(in: court)
            let identity = try await courts.apiIdentity(request, in: court)
            // Refuse before receiving megabytes from someone who may not file.
            _ = try courts.access.eFiler(in: court, identity: identity)
            let upload = try await FilingUpload.receive(request, courts: courts, court: court)
            defer { upload.discard() }
            let filing: FilingDTO.FilingPart = try upload.json("filing", example: "the event and the filing parties")
            var files: [UploadedFile] = []
            if let main = upload.file("document", description: "Main Document") { files.append(main) }
            for (index, attachment) in (filing.attachments ?? []).enumerated() {
                guard let file = upload.file("attachment\(index + 1)", description: attachment.description ?? "Exhibit")
                else {
                    throw CourtError(.invalid, "Attachment \(index + 1) is described but its file part is missing.")
                }
                files.append(file)
            }
            let outcome: FileDocument.Outcome
            do {
                outcome = try await courts.file(
                    .init(
                        eventID: filing.event ?? "", filers: (filing.filers ?? []).compactMap { Int64($0) },
                        addedText: filing.docketText, files: files,
                        redactionAcknowledged: filing.redactionAcknowledged ?? false,
                        card: try filing.payment?.card(today: court.today),
                        idempotencyKey: request.headers[Self.idempotencyKey]),
                    into: caseID, in: court, identity: identity, validateOnly: Self.validateOnly(request))
            } catch let rejected as FileDocument.Rejected {
                return try JSONResponse.make(FilingDTO.Problems(rejected), status: .unprocessableContent)
            }
            guard let entry = outcome.entry else {
                return try JSONResponse.make(FilingDTO.Review(outcome.review))
            }
            return try JSONResponse.make(
                FilingDTO.Receipt(
                    entryNumber: entry.number, docketText: entry.text, dateFiled: entry.dateFiled,
                    documents: entry.documents.map(FilingDTO.Document.init),
                    payment: FilingDTO.PaymentReceipt(outcome.payment), repeated: outcome.repeated),
                status: outcome.repeated ? .ok : .created)
        }
    }

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    static func validateOnly(_ request: Request) -> Bool {
        request.uri.queryParameters.get("validateOnly") == "true"
    }
}

/// A filing's multipart body, received to disk within the court's limits.
struct FilingUpload {
    let parts: [MultipartUpload.Part]

    static func receive(_ request: Request, courts: CourtsWeb, court: OpenCourt) async throws -> FilingUpload {
        let settings = try await court.store.settings()
        return FilingUpload(
            parts: try await MultipartUpload.receive(
                request, into: courts.uploads, limits: .init(fileBytes: settings.maxFileBytes)))
    }

    func json<T: Decodable>(_ name: String, example: String) throws -> T {
        guard let text = parts.first(where: { $0.name == name })?.text else {
            throw CourtError(.invalid, "Send the JSON part `\(name)` with \(example).")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw CourtError(.invalid, "The JSON part `\(name)` could not be read: check its fields and their types.")
        }
    }

    /// A text part (a form field), trimmed to what a form field holds.
    func text(_ name: String) -> String { parts.first { $0.name == name }?.text ?? "" }

    /// Every text part of this name (a group of checkboxes).
    func texts(_ name: String) -> [String] { parts.filter { $0.name == name }.compactMap(\.text) }

    /// A file part; a file input left empty (no file name) is no file.
    func file(_ name: String, description: String) -> UploadedFile? {
        guard let part = parts.first(where: { $0.name == name }), let url = part.file, part.fileName != "" else {
            return nil
        }
        return UploadedFile(url: url, originalName: part.fileName ?? "\(name).pdf", description: description)
    }

    func discard() {
        for part in parts { if let file = part.file { try? FileManager.default.removeItem(at: file) } }
    }
}
