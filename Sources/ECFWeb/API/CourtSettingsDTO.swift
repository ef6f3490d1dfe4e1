import ECFDomain

/// `GET`/`PUT /api/v1/courts/{court}/settings`: the largest file the court accepts (MB) and
/// whether a PDF without text is refused or only warned about.
struct CourtSettingsDTO: Codable {
    let maxFileMegabytes: Int?
    let scannedPDFs: String?
    /// When the daily summaries go out, `HH:MM` in the court's time.
    let summaryTime: String?
    /// Public access here costs nothing (set by the operator: `openecf court set <court> --fee-free`).
    let feeFree: Bool?

    init(_ settings: CourtSettings) {
        maxFileMegabytes = settings.maxFileMegabytes
        scannedPDFs = settings.scannedPDFs.rawValue
        summaryTime = settings.summaryTime
        feeFree = settings.feeFree
    }
}
