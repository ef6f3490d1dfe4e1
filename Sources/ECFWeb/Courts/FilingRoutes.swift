import ECFDomain
import ECFServices
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /api/v1/courts/{court}/cases/{caseId}/filings`: a filing as multipart/form-data — the JSON
/// part `filing`, the PDF `document`, attachments `attachment1`, `attachment2`… — with an
/// `Idempotency-Key` header, or `?validateOnly=true` for the review (docket text, fee, redaction
/// findings) without filing.
struct FilingRoutes {
    let courts: CourtsWeb

    struct FilingPart: Decodable {
        struct Attachment: Decodable { let description: String? }
        let event: String?
        let filers: [String]?
        let docketText: String?
        let attachments: [Attachment]?
        let redactionAcknowledged: Bool?
    }

    struct Finding: Encodable {
        let file: String
        let page: Int
        let kind: String
        let excerpt: String
        let advice: String
    }

    struct ReviewDTO: Encodable {
        let docketText: String
        let fee: EventCatalogDTO.Fee
        let redactionFindings: [Finding]
    }

    struct ReceiptDTO: Encodable {
        struct Document: Encodable {
            let docId: String
            let pages: Int
            let sha256: String
        }

        let entryNumber: Int?
        let docketText: String
        let dateFiled: Date
        let documents: [Document]
        let repeated: Bool
    }

    struct ProblemsDTO: Encodable {
        struct Problem: Encodable {
            let file: String
            let problem: String
        }

        let error = "invalid_documents"
        let message = "Some documents cannot be filed. Each problem is listed with its file."
        let problems: [Problem]
    }

    func register(on router: Router<AppRequestContext>) {
        router.post("/api/v1/courts/{court}/cases/{caseId}/filings") { request, context in
            let court = try await courts.court(context)
            try court.requireAvailable()
            let caseID = try context.caseID(in: court)
            let identity = try await courts.apiIdentity(request, in: court)
            // Refuse before receiving megabytes from someone who may not file.
            _ = try courts.access.eFiler(in: court, identity: identity)
            let parts = try await MultipartUpload.receive(request, into: courts.uploads, maxFileBytes: 35 * 1_048_576)
            defer { for part in parts { if let file = part.file { try? FileManager.default.removeItem(at: file) } } }
            guard let json = parts.first(where: { $0.name == "filing" })?.text,
                let filing = try? JSONDecoder().decode(FilingPart.self, from: Data(json.utf8))
            else {
                throw CourtError(.invalid, "Send the JSON part `filing` with the event and the filing parties.")
            }
            var files: [(url: URL, originalName: String, description: String)] = []
            if let main = parts.first(where: { $0.name == "document" }), let url = main.file {
                files.append((url, main.fileName ?? "document.pdf", "Main Document"))
            }
            for (index, attachment) in (filing.attachments ?? []).enumerated() {
                guard let part = parts.first(where: { $0.name == "attachment\(index + 1)" }), let url = part.file else {
                    throw CourtError(.invalid, "Attachment \(index + 1) is described but its file part is missing.")
                }
                files.append((url, part.fileName ?? "attachment\(index + 1).pdf", attachment.description ?? "Exhibit"))
            }
            let validateOnly = request.uri.queryParameters.get("validateOnly") == "true"
            let outcome: FileDocument.Outcome
            do {
                outcome = try await FileDocument(courts.context, inspector: courts.inspector, blobs: courts.blobs)(
                    .init(
                        eventID: filing.event ?? "", filers: (filing.filers ?? []).compactMap { Int64($0) },
                        addedText: filing.docketText, files: files,
                        redactionAcknowledged: filing.redactionAcknowledged ?? false,
                        idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!]),
                    into: caseID, in: court, identity: identity, validateOnly: validateOnly)
            } catch let rejected as FileDocument.Rejected {
                return try JSONResponse.make(
                    ProblemsDTO(problems: rejected.problems.map { .init(file: $0.file, problem: $0.problem) }),
                    status: .unprocessableContent)
            }
            guard let entry = outcome.entry else {
                return try JSONResponse.make(
                    ReviewDTO(
                        docketText: outcome.docketText, fee: .init(cents: outcome.fee.cents),
                        redactionFindings: outcome.redactionHits.map {
                            Finding(
                                file: $0.file, page: $0.hit.page, kind: $0.hit.kind.rawValue, excerpt: $0.hit.excerpt,
                                advice: $0.hit.kind.advice)
                        }))
            }
            return try JSONResponse.make(
                ReceiptDTO(
                    entryNumber: entry.number, docketText: entry.text, dateFiled: entry.dateFiled,
                    documents: entry.documents.map { .init(docId: $0.id.rawValue, pages: $0.pages, sha256: $0.sha256) },
                    repeated: outcome.repeated),
                status: outcome.repeated ? .ok : .created)
        }
    }
}
