import ECFDomain

/// `GET`/`PUT /api/v1/courts/{court}/settings`: the largest file the court accepts (MB) and
/// whether a PDF without text is refused or only warned about.
struct CourtSettingsDTO: Codable {
    let maxFileMegabytes: Int?
    let scannedPDFs: String?

    init(_ settings: CourtSettings) {
        maxFileMegabytes = settings.maxFileMegabytes
        scannedPDFs = settings.scannedPDFs.rawValue
    }
}
