import ECFDomain
import ECFServices
import Mustache

/// `/`: the courts this server runs, each with its phase.
struct HomePage: Page {
    static let template = "home"

    struct CourtRow: Sendable {
        let id: String
        let name: String
        let kind: String
        let phase: String
        let phaseClass: String
        let timeZone: String
        let plan: [String]
    }

    let title = "Courts on this server"
    let nav: NavBar
    let courts: [CourtRow]
    let hasCourts: Bool
    /// Every court's row, written out (`CourtRow.html`).
    var courtRows: String { courts.map(\.html).joined() }

    init(listings: [CourtListing], context: AppRequestContext) {
        self.nav = NavBar(context)
        self.courts = listings.map { listing in
            CourtRow(
                id: listing.court.id.rawValue,
                name: listing.court.name,
                kind: Self.kindLabel(listing.court.kind),
                phase: listing.phase.label,
                phaseClass: listing.phase.rawValue,
                timeZone: listing.court.timeZoneID,
                plan: listing.plan.nextGenAt == nil ? [] : listing.plan.sentences(in: listing.zone, now: listing.now))
        }
        self.hasCourts = !courts.isEmpty
    }

    static func kindLabel(_ kind: FederalCourt.Kind) -> String {
        switch kind {
        case .district: "District court"
        case .bankruptcy: "Bankruptcy court"
        case .appellate: "Court of appeals"
        case .national: "National court"
        }
    }
}

/// By name rather than through `Mirror`, which swift-mustache uses otherwise.
extension HomePage {
    func child(named name: String) -> Any? {
        switch name {
        case "courtRows": courtRows
        case "hasCourts": hasCourts
        default: nil
        }
    }
}

/// The home page lists every court (94 at full scale): its rows are written out directly, as a
/// docket report's entries are, not through the template engine, whose lookups of each row's
/// fields and escaping were a quarter of the page's time (BENCHMARKS.md P4).
extension HomePage.CourtRow {
    var html: String {
        let id = HTML.escape(id)
        var row = "    <tr data-court=\"" + id + "\">\n      <th scope=\"row\"><a href=\"/ecf/" + id + "/\">"
        row += HTML.escape(name) + "</a></th>\n      <td><code>" + id + "</code></td>\n      <td>" + HTML.escape(kind)
        row += "</td>\n      <td><span class=\"usa-tag phase-" + HTML.escape(phaseClass) + "\">" + HTML.escape(phase)
        row += "</span></td>\n      <td>"
        for sentence in plan { row += "<p class=\"plan-sentence\">" + HTML.escape(sentence) + "</p>" }
        return row + "</td>\n      <td>" + HTML.escape(timeZone) + "</td>\n    </tr>\n"
    }
}
