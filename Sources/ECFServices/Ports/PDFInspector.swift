import ECFDomain
import Foundation

/// What inspecting one uploaded PDF found.
public struct PDFInspection: Sendable, Equatable {
    public let byteCount: Int
    public let pageCount: Int
    /// The text of each page (empty strings for pages without text).
    public let pageTexts: [String]
    /// Every problem found, not only the first.
    public let problems: [PDFProblem]

    public init(byteCount: Int, pageCount: Int, pageTexts: [String], problems: [PDFProblem]) {
        self.byteCount = byteCount
        self.pageCount = pageCount
        self.pageTexts = pageTexts
        self.problems = problems
    }

    /// Whether any page has a character that is not white space: looked for until the first,
    /// not by trimming each page's text into a copy (1.3% of a filing's CPU).
    public var hasTextLayer: Bool {
        pageTexts.contains { $0.unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) } }
    }
}

/// Inspects PDFs (qpdf and poppler run as subprocesses in the server, with time limits).
public protocol PDFInspector: Sendable {
    func inspect(_ file: URL, limitBytes: Int) async throws -> PDFInspection
}
