import ECFDomain
import ECFServices

/// A billable document, before and after the viewer accepts the charge: what it is, its pages
/// and cost (the receipt), then the link that opens it.
struct DocumentPurchasePage: Page {
    static let template = "document-purchase"

    let title: String
    let nav: NavBar
    let csrfToken: String
    let summary: String
    let receipt: ReceiptView
    /// Before: the form that accepts the charge.
    let confirmAction: String?
    /// After: the bought document's address.
    let openLink: String?

    init(
        context: AppRequestContext, court: OpenCourt, opened: OpenDocument.Opened, receipt: ChargeView.Receipt,
        viewKey: String?
    ) {
        nav = NavBar(context)
        csrfToken = context.csrfToken
        let number = opened.entry.number.map(String.init) ?? "unnumbered entry"
        let label = opened.document.attachment == 0 ? number : "\(number)-\(opened.document.attachment)"
        title = viewKey == nil ? "View document \(label)" : "Transaction receipt for document \(label)"
        summary =
            "Document \(label) (\(opened.document.description)) in case \(opened.courtCase.number), \(opened.courtCase.title): \(opened.document.pages) \(opened.document.pages == 1 ? "page" : "pages")."
        self.receipt = ReceiptView(receipt)
        let base = "/ecf/\(court.id.rawValue)/doc1/\(opened.document.id.rawValue)"
        confirmAction = viewKey == nil ? base : nil
        openLink = viewKey.map { "\(base)?view=\($0)" }
    }
}
