import Foundation

/// What each court decides for itself about the documents it accepts.
///
/// Source: each court's CM/ECF administrative procedures set its own file size limit (35 MB per
/// file is common, and the default here) and whether a PDF without a text layer is refused or only
/// discouraged ("documents must be text-searchable" in most districts; some accept scans), and when
/// the daily summary of filings goes out, in the court's time.
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
    /// The daily summaries' time of day in the court's zone, `HH:MM` (24-hour).
    public var summaryTime: String
    /// Public access here costs nothing and shows no receipts (an operator's choice, see
    /// `AccessFees.freeBecause`).
    public var feeFree: Bool

    public init(maxFileBytes: Int, scannedPDFs: ScannedPDFs, summaryTime: String = "17:00", feeFree: Bool = false) {
        self.maxFileBytes = maxFileBytes
        self.scannedPDFs = scannedPDFs
        self.summaryTime = summaryTime
        self.feeFree = feeFree
    }

    /// The summary time as hour and minute.
    public var summaryHourMinute: (hour: Int, minute: Int) {
        Self.hourMinute(summaryTime) ?? (17, 0)
    }

    static func hourMinute(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    public var maxFileMegabytes: Int { maxFileBytes / Self.megabyte }

    /// The settings as a clerk types them (`50`, `warn`), every problem at once.
    public static func typed(maxFileMegabytes: String, scannedPDFs: String, summaryTime: String = "17:00") -> Result<
        CourtSettings, FieldProblems
    > {
        var problems = FieldProblems()
        let megabytes = Int(maxFileMegabytes.trimmingCharacters(in: .whitespaces))
        if megabytes == nil || !allowedMegabytes.contains(megabytes!) {
            problems["maxFileMegabytes"] =
                "Enter the largest file the court accepts, in MB, from \(allowedMegabytes.lowerBound) to \(allowedMegabytes.upperBound)."
        }
        let scanned = ScannedPDFs(rawValue: scannedPDFs.trimmingCharacters(in: .whitespaces).lowercased())
        if scanned == nil { problems["scannedPDFs"] = "Choose refuse or warn." }
        let time = summaryTime.trimmingCharacters(in: .whitespaces)
        if hourMinute(time) == nil {
            problems["summaryTime"] = "Enter the daily summary's time as HH:MM, 24-hour, for example 17:00."
        }
        guard problems.isEmpty, let megabytes, let scanned else { return .failure(problems) }
        return .success(CourtSettings(maxFileBytes: megabytes * megabyte, scannedPDFs: scanned, summaryTime: time))
    }
}
