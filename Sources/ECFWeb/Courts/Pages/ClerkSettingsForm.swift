import ECFDomain

/// The clerk dashboard's form for the court's document settings.
struct ClerkSettingsForm: Sendable, TemplateFields {
    typealias Option = SelectOption

    let maxFile: FormField
    let scanned: [Option]
    let summaryTime: FormField

    init(_ settings: CourtSettings) {
        maxFile = FormField(
            "maxFileMegabytes", "Largest file accepted (MB)", type: "number", value: String(settings.maxFileMegabytes),
            hint:
                "Per PDF, from \(CourtSettings.allowedMegabytes.lowerBound) to \(CourtSettings.allowedMegabytes.upperBound) MB."
        )
        summaryTime = FormField(
            "summaryTime", "Daily summaries are sent at", type: "time", value: settings.summaryTime,
            hint: "In the court's time, to those who chose one summary a day.")
        scanned = [
            Option(
                value: CourtSettings.ScannedPDFs.refuse.rawValue, label: "Refuse it: PDFs must be text-searchable",
                selected: settings.scannedPDFs == .refuse),
            Option(
                value: CourtSettings.ScannedPDFs.warn.rawValue, label: "Accept it with a warning to the filer",
                selected: settings.scannedPDFs == .warn),
        ]
    }
}
