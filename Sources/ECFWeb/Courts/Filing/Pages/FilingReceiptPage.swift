import ECFDomain
import ECFServices
import Foundation

/// `/ecf/{court}/cases/{caseId}/entries/{seq}/receipt`: what was filed — the entry number, the
/// docket text, each document with its number, id, pages and stamp, and the fee's receipt.
struct FilingReceiptPage: Page {
    static let template = "filing-receipt"

    struct Document: Sendable, TemplateFields {
        let number: String
        let href: String
        let docID: String
        let file: String
        let description: String
        let pages: Int
        let stamp: String
    }

    let title = "Filing receipt"
    let nav: NavBar
    let notice: String?
    let caseNumber: String
    let caseTitle: String
    let entryNumber: String
    let filed: String
    let docketText: String
    let documents: [Document]
    let payment: String?
    let fileAnother: String
    let docket: String
    let served: [ClerkCasePage.Served]
    let otherMeans: [String]
    let hasOtherMeans: Bool

    init(
        context: AppRequestContext, court: OpenCourt, courtCase: CourtCase, entry: DocketEntry, payment: Payment?,
        records: [ServiceRecord], otherMeans: [String], notice: String?
    ) {
        served = records.map {
            ClerkCasePage.Served(
                name: $0.name, addresses: $0.addresses.map(\.address).joined(separator: ", "), status: $0.status.label,
                problem: $0.error)
        }
        self.otherMeans = otherMeans
        hasOtherMeans = !otherMeans.isEmpty
        nav = NavBar(context)
        self.notice = notice
        caseNumber = courtCase.number.description
        caseTitle = courtCase.title
        entryNumber = entry.number.map(String.init) ?? "Unnumbered"
        // As CM/ECF prints it: 11/29/2026 3:59 AM EST, in the court's time zone.
        filed = DateFormats.string(entry.dateFiled, "MM/dd/yyyy h:mm a zzz", in: court.zone)
        docketText = entry.text
        documents = entry.documents.map { document in
            let number = entry.number.map { document.attachment == 0 ? "\($0)" : "\($0)-\(document.attachment)" }
            return Document(
                number: number ?? "", href: FilingPaths.document(court.id, document.id), docID: document.id.rawValue,
                file: document.originalFileName, description: document.description, pages: document.pages,
                stamp: document.sha256)
        }
        self.payment = payment.map {
            "\($0.amount) paid with the card ending in \($0.cardLastFour), receipt number \($0.receiptNumber)."
        }
        fileAnother = FilingPaths.form(court.id, courtCase.id)
        docket = FilingPaths.docket(court.id, courtCase.id)
    }
}
