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

/// By name rather than through `Mirror`: the home page lists every court (94 rows at full scale),
/// each row's fields looked up one by one. Reflection over them stood out in a profile of the
/// home page taken while most other requests were cheap refusals, so its share of a real mix
/// is smaller; the page is cheaper either way.
extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "nav": nav
        case "courts": courts
        case "hasCourts": hasCourts
        default: nil
        }
    }
}

extension HomePage.CourtRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "kind": kind
        case "phase": phase
        case "phaseClass": phaseClass
        case "timeZone": timeZone
        case "plan": plan
        default: nil
        }
    }
}
