import ECFDomain
import ECFServices
import Foundation

/// A court's RSS 2.0 feed of recent public entries, in the form CourtListener's juriscraper reads
/// (`../shared/docs/juriscraper-compat.md` §3): each item's title is the docket number and case
/// name, its link the docket report with the case id after `?`, its description the short
/// description in brackets and the document link, its date with a zone. A bankruptcy court's
/// descriptions begin with the case's type, office, chapter and trustee, as CM/ECF's do.
struct RSSFeed {
    let court: FederalCourt
    let links: LinkBuilder
    let items: [(courtCase: CourtCase, entry: DocketEntry)]
    /// A single case's feed.
    var oneCase: CourtCase?
    /// The trustee of each bankruptcy case in the feed.
    var trustees: [CaseID: String] = [:]

    var title: String {
        oneCase.map { "\($0.number.base) \($0.title) - Recent Entries" } ?? "\(court.name) - Recent Entries"
    }

    func xml() -> String {
        let e = HTML.escape
        let home = links.url("/ecf/\(court.id.rawValue)")
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(e(title))</title>
            <link>\(e(home))</link><description>Docket entries of type: all</description>

            """
        for (courtCase, entry) in items {
            let docket = links.docketReport(court.id, courtCase.id)
            let name =
                EventCatalog.event(entry.eventID, in: court.kind)?.name ?? EventCatalog.event(entry.eventID)?.name
            var description = "[\(name ?? entry.text)]"
            if court.kind == .bankruptcy {
                let number = courtCase.number
                let chapter = courtCase.chapter.map { String($0.rawValue) } ?? ""
                let trustee = trustees[courtCase.id].map { "Trustee: \($0) " } ?? ""
                description =
                    "Type: \(number.type.rawValue) Office: \(number.office) Chapter: \(chapter) \(trustee)"
                    + description
            }
            if let number = entry.number, let main = entry.documents.first(where: { $0.attachment == 0 }) {
                let document = links.url(
                    "/ecf/\(court.id.rawValue)/doc1/\(main.id.rawValue)",
                    query: ["caseid": "\(courtCase.id.rawValue)", "de_seq_num": "\(entry.seq)"])
                description += " (<a href=\"\(document)\">\(number)</a>)"
            }
            out += """
                <item>
                <title>\(e(courtCase.number.base)) \(e(courtCase.title))</title>
                <link>\(e(docket))</link>
                <description>\(e(description))</description>
                <guid isPermaLink="true">\(e(docket))&amp;\(entry.seq)</guid>
                <pubDate>\(DateFormats.string(entry.dateEntered, "EEE, dd MMM yyyy HH:mm:ss 'GMT'", in: .gmt))</pubDate>
                </item>

                """
        }
        return out + "</channel></rss>\n"
    }
}
