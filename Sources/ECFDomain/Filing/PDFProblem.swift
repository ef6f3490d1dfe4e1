/// What is wrong with an uploaded PDF, in words a filer understands.
///
/// Source: CM/ECF's document requirements (PDF only, text-searchable per the courts' CM/ECF
/// procedures, no password protection, size limits per court) and the safety rules (no
/// JavaScript, no embedded files, form fields flattened).
public enum PDFProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    case empty
    case notPDF
    case damaged
    case tooLarge(limitBytes: Int)
    case encrypted
    case javaScript
    case embeddedFiles
    case formFields
    case noTextLayer
    case inspectionTimedOut

    public var description: String {
        switch self {
        case .empty: "The file is empty (0 bytes). Choose the PDF again."
        case .notPDF: "This is not a PDF file. Save or print the document as PDF and upload that."
        case .damaged:
            "The PDF is damaged or incomplete (it may have been cut off while saving or uploading). Save it again and upload the new copy."
        case .tooLarge(let limit):
            "The file is larger than this court's limit of \(limit / 1_048_576) MB. Split it into parts and file them as attachments."
        case .encrypted: "The PDF is password-protected or encrypted. Save a copy without a password and upload that."
        case .javaScript:
            "The PDF contains JavaScript, which the court does not accept. Print it to a new PDF to remove it."
        case .embeddedFiles: "The PDF carries embedded files. File each of them as its own attachment instead."
        case .formFields: "The PDF has fillable form fields. Flatten the form (print it to a new PDF) before filing."
        case .noTextLayer:
            "The PDF must be text-searchable: it has no text layer (it looks scanned). Run text recognition (OCR) on it or save it from the original document."
        case .inspectionTimedOut: "The PDF could not be checked in time. Save it again, or split it into smaller parts."
        }
    }
}
