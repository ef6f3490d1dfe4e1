import ECFDomain

/// What a filer reviews before submitting, and what a validate-only call answers: the docket
/// text as it will read, the fee, each file's pages, what Rule 5.2 says to redact and what the
/// court accepts but advises against.
public struct FilingReview: Sendable {
    public let docketText: String
    public let fee: Money
    /// The page count of each file, in order.
    public let pages: [Int]
    public let redactionHits: [(file: String, hit: RedactionCheck.Hit)]
    /// A scanned PDF where the court only warns.
    public let warnings: [(file: String, warning: String)]

    init(docketText: String, fee: Money, findings: InspectUploads.Findings) {
        self.docketText = docketText
        self.fee = fee
        pages = findings.inspections.map(\.pageCount)
        redactionHits = findings.hits
        warnings = findings.warnings
    }
}
