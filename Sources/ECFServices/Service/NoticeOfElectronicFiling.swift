import ECFDomain
import Foundation

/// The Notice of Electronic Filing for one recipient, in the shape CM/ECF sends it and
/// CourtListener's juriscraper reads (`../shared/docs/juriscraper-compat.md` §2): the subject
/// `Activity in Case <number> <case name> <event>`, a plain-text part and an HTML part with one
/// table (case name, case number linked to the docket report, document number linked with this
/// recipient's free-look number), the docket text, who was served and how, and each document's
/// description, original file name and electronic document stamp.
struct NoticeOfElectronicFiling {
    let court: FederalCourt
    let zone: TimeZone
    let courtCase: CourtCase
    let entry: DocketEntry
    let event: FilingEvent
    /// `Last, First` of whoever made the entry.
    let enteredBy: String
    let service: ServiceList
    let docketURL: String
    /// The absolute link to a document with a free-look number.
    let documentURL: (DocketDocument, String) -> String

    var subject: String { "Activity in Case \(courtCase.number) \(courtCase.title) \(event.name)" }

    /// "on 4/10/2024 at 3:15 PM PDT" and "filed on 4/10/2024", in the court's zone.
    var entered: (day: String, time: String, filed: String) {
        func format(_ pattern: String, _ date: Date) -> String { DateFormats.string(date, pattern, in: zone) }
        return (
            format("M/d/yyyy", entry.dateEntered), format("h:mm a zzz", entry.dateEntered),
            format("M/d/yyyy", entry.dateFiled)
        )
    }

    func stamp(_ document: DocketDocument, filed: String) -> String {
        "[STAMP dcecfStamp_ID=OpenECF [Date=\(filed)] [FileNumber=\(document.id.rawValue)-\(document.attachment)] [\(document.sha256)]]"
    }

    /// What every recipient's notice shares, worked out once for a whole service list: the
    /// notices differ only in the free-look number of the link to the main document.
    struct Shared {
        let main: DocketDocument?
        let textHead: String
        let textTail: String
        let htmlHead: String
        let htmlTail: String
    }

    func shared() -> Shared {
        let number = courtCase.number.description
        let main = entry.documents.first { $0.attachment == 0 }
        let (day, time, filed) = entered
        let opening =
            "The following transaction was entered by \(enteredBy) on \(day) at \(time) and filed on \(filed)"

        let head = [
            opening, "Case Name: \(courtCase.title)", "Case Number: \(number) \(docketURL)",
            "Document Number: " + (main != nil ? (entry.number.map(String.init) ?? "") : "No document attached"),
        ]
        var text = ["Docket Text:", entry.text, "", "\(number) Notice has been electronically mailed to:"]
        for recipient in service.electronic {
            text += [recipient.name, recipient.addresses.map(\.address).joined(separator: ", ")]
        }
        text += ["\(number) Notice will be delivered by other means to:"] + service.otherMeans
        if !entry.documents.isEmpty {
            text += ["", "The following document(s) are associated with this transaction:"]
            for document in entry.documents {
                text += [
                    "Document description: \(document.description)",
                    "Original filename: \(document.originalFileName)", "Electronic document Stamp:",
                    stamp(document, filed: filed),
                ]
            }
        }

        let e = HTML.escape
        var htmlHead = "<p>\(e(opening))</p>\n<table>\n"
        htmlHead += "<tr><td><strong>Case Name:</strong></td><td>\(e(courtCase.title))</td></tr>\n"
        htmlHead +=
            "<tr><td><strong>Case Number:</strong></td><td><a href=\"\(e(docketURL))\">\(e(number))</a></td></tr>\n"
        htmlHead += "<tr><td><strong>Document Number:</strong></td><td>"
        var html = "</td></tr>\n</table>\n"
        html +=
            "<p><strong>Docket Text:</strong><br><font face=\"arial,helvetica\"><b>\(e(entry.text))</b></font></p>\n"
        html += "<b>\(e(number)) Notice has been electronically mailed to:</b><br>\n"
        for recipient in service.electronic {
            html +=
                "<br>\(e(recipient.name)) &nbsp;&nbsp; \(e(recipient.addresses.map(\.address).joined(separator: ", ")))<br>\n"
        }
        html += "<b>\(e(number)) Notice will be delivered by other means to:</b><br>\n"
        for name in service.otherMeans { html += "\(e(name))<br>\n" }
        if !entry.documents.isEmpty {
            html += "<p>The following document(s) are associated with this transaction:</p>\n"
            for document in entry.documents {
                html += "<strong>Document description:</strong>\(e(document.description))<br>\n"
                html += "<strong>Original filename:</strong>\(e(document.originalFileName))<br>\n"
                html += "<strong>Electronic document Stamp:</strong><br>\n\(e(stamp(document, filed: filed)))<br>\n"
            }
        }
        return Shared(
            main: main, textHead: head.joined(separator: "\n"), textTail: text.joined(separator: "\n") + "\n",
            htmlHead: htmlHead, htmlTail: html)
    }

    /// What every recipient's notice shares, stored once with the notices (`SharedMailBody`).
    func body(_ shared: Shared, id: SharedMailBodyID) -> SharedMailBody {
        SharedMailBody(
            id: id, textHead: shared.textHead, textTail: shared.textTail, htmlHead: shared.htmlHead,
            htmlTail: shared.htmlTail)
    }

    /// A recipient's own part of the plain-text and HTML bodies, between the shared head and tail:
    /// the link to the main document with the recipient's free-look number in `magic`.
    func ownParts(magic: [DocumentID: String], shared: Shared) -> (text: String, html: String) {
        guard let main = shared.main else { return ("\n", "No document attached") }
        let url = documentURL(main, magic[main.id] ?? "")
        let link = "<a href=\"\(HTML.escape(url))\">\(entry.number.map(String.init) ?? "")</a>"
        return ("\nOpen this URL to view the document:\n" + url + "\n", link)
    }
}
