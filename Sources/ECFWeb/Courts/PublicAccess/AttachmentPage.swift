import ECFDomain
import ECFServices
import Foundation

/// CM/ECF's attachment page (`/ecf/{court}/doc1/{id}` with `1` as the id's fourth digit, where
/// the docket report's number of an entry with attachments points): the entry's main document and
/// its attachments, each with its pages and size and a link that opens it. Laid out so
/// juriscraper's `AttachmentPage` reads every row: five cells (link, part, description, pages,
/// size), the CM/ECF `document_{entry}_{part}` input with `id-bytes-pages`, and `goDLS` in each
/// link. Bankruptcy courts count the main document as part 1, as juriscraper expects there.
struct AttachmentPage: Page {
    static let template = "attachment-page"

    struct Row: Sendable, TemplateFields {
        let inputName: String
        let inputValue: String
        let href: String
        let onclick: String
        let label: String
        let part: String
        let description: String
        let pages: String
        let size: String
    }

    let title: String
    let nav: NavBar
    let docketLink: String
    let caseTitle: String
    let docketText: String
    let rows: [Row]

    init(context: AppRequestContext, court: OpenCourt, listing: ListEntryDocuments.Listing) {
        nav = NavBar(context)
        let entry = listing.entry
        let number = entry.number.map(String.init) ?? "seq \(entry.seq)"
        title = "Documents of entry \(number) in \(listing.courtCase.number)"
        caseTitle = listing.courtCase.title
        docketText = entry.text
        docketLink = CourtPaths.docketReport(court.id, listing.courtCase.id)
        let bankruptcy = court.court.kind == .bankruptcy
        let entryNumber = entry.number ?? 0
        rows = entry.documents.map { document in
            let part = document.attachment == 0 ? 0 : document.attachment + (bankruptcy ? 1 : 0)
            let id = document.id.rawValue
            return Row(
                inputName: "document_\(entryNumber)_\(part)", inputValue: "\(id)-\(document.bytes)-\(document.pages)",
                href: "/ecf/\(court.id.rawValue)/doc1/\(id)",
                onclick:
                    "goDLS('/doc1/\(id)','\(listing.courtCase.id.rawValue)','\(entry.seq)','','','1','','');return(false);",
                label: document.attachment == 0 ? number : "\(number)-\(document.attachment)",
                part: document.attachment == 0 ? "Main Document" : "Attachment \(document.attachment)",
                description: document.description,
                pages: document.pages == 1 ? "1 page" : "\(document.pages) pages",
                size: Self.size(document.bytes))
        }
    }

    /// `12.3 KB`, `1.5 MB`, as CM/ECF shows sizes.
    static func size(_ bytes: Int) -> String {
        bytes < 1_048_576
            ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
