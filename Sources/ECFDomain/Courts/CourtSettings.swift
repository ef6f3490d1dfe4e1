import Foundation

/// What each court decides for itself about the documents it accepts.
///
/// Source: each court's CM/ECF administrative procedures set its own file size limit (35 MB per
/// file is common, and the default here) and whether a PDF without a text layer is refused or only
/// discouraged ("documents must be text-searchable" in most districts; some accept scans).
public struct CourtSettings: Sendable, Equatable, Codable {
    public enum ScannedPDFs: String, Sendable, Codable, CaseIterable {
        /// A PDF with no text layer is refused ("must be text-searchable").
        case refuse
        /// It is accepted, and the review shows a warning.
        case warn
    }

    public static let megabyte = 1_048_576
    /// The limits a court may choose between, in MB.
    public static let allowedMegabytes = 1...500
    public static let standard = CourtSettings(maxFileBytes: 35 * megabyte, scannedPDFs: .refuse)

    public var maxFileBytes: Int
    public var scannedPDFs: ScannedPDFs

    public init(maxFileBytes: Int, scannedPDFs: ScannedPDFs) {
        self.maxFileBytes = maxFileBytes
        self.scannedPDFs = scannedPDFs
    }

    public var maxFileMegabytes: Int { maxFileBytes / Self.megabyte }

    /// The settings as a clerk types them (`50`, `warn`), every problem at once.
    public static func typed(maxFileMegabytes: String, scannedPDFs: String) -> Result<CourtSettings, FieldProblems> {
        var problems = FieldProblems()
        let megabytes = Int(maxFileMegabytes.trimmingCharacters(in: .whitespaces))
        if megabytes == nil || !allowedMegabytes.contains(megabytes!) {
            problems["maxFileMegabytes"] =
                "Enter the largest file the court accepts, in MB, from \(allowedMegabytes.lowerBound) to \(allowedMegabytes.upperBound)."
        }
        let scanned = ScannedPDFs(rawValue: scannedPDFs.trimmingCharacters(in: .whitespaces).lowercased())
        if scanned == nil { problems["scannedPDFs"] = "Choose refuse or warn." }
        guard problems.isEmpty, let megabytes, let scanned else { return .failure(problems) }
        return .success(CourtSettings(maxFileBytes: megabytes * megabyte, scannedPDFs: scanned))
    }
}
