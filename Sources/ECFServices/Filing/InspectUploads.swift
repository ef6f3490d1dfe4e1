import ECFDomain
import Foundation

/// A filing's PDFs inspected the court's way: every problem of every file at once, the
/// text-layer rule as the court set it, and what Rule 5.2 says to redact.
struct InspectUploads: Sendable {
    struct Findings: Sendable {
        var problems: [(file: String, problem: String)] = []
        var warnings: [(file: String, warning: String)] = []
        var hits: [(file: String, hit: RedactionCheck.Hit)] = []
        var inspections: [PDFInspection] = []
    }

    let inspector: any PDFInspector
    let blobs: any DocumentBlobStore
    let settings: CourtSettings

    func callAsFunction(_ files: [UploadedFile], lookForMinors: Bool) async throws -> Findings {
        var findings = Findings()
        for file in files {
            let inspection = try await inspector.inspect(file.url, limitBytes: settings.maxFileBytes)
            for problem in inspection.problems {
                if problem == .noTextLayer, settings.scannedPDFs == .warn {
                    findings.warnings.append((file.originalName, Self.scannedWarning))
                } else {
                    findings.problems.append((file.originalName, problem.description))
                }
            }
            findings.hits += RedactionCheck.scan(pages: inspection.pageTexts, lookForMinors: lookForMinors).map {
                (file.originalName, $0)
            }
            findings.inspections.append(inspection)
        }
        return findings
    }

    static let scannedWarning =
        "The PDF has no text layer (it looks scanned). The court accepts it, but a text-searchable PDF is easier for the court and the parties to read and search."

    /// Moves inspected files into the document store, in order.
    func keep(_ files: [UploadedFile], _ findings: Findings) async throws -> [RecordEntry.Upload] {
        var uploads: [RecordEntry.Upload] = []
        for (file, inspection) in zip(files, findings.inspections) {
            let kept = try await blobs.keep(file.url)
            uploads.append(
                .init(
                    description: file.description, originalFileName: file.originalName, pages: inspection.pageCount,
                    bytes: kept.bytes, sha256: kept.sha256))
        }
        return uploads
    }
}
