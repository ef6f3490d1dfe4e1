import ECFDomain
import ECFServices
import Foundation

/// A court as `/api/v1/courts` shows it: where it stands and its cutover plan, instants in ISO 8601.
struct CourtDTO: Encodable {
    struct Window: Encodable {
        let from: Date
        let to: Date
    }

    let id: String
    let name: String
    let kind: String
    let timeZone: String
    let documentIdPrefix: String
    let phase: String
    let nextGenAt: Date?
    let blackout: [Window]

    init(_ listing: CourtListing) {
        self.init(court: listing.court, plan: listing.plan, phase: listing.phase)
    }

    init(court: FederalCourt, plan: CutoverPlan, phase: CourtPhase) {
        id = court.id.rawValue
        name = court.name
        kind = court.kind.rawValue
        timeZone = court.timeZoneID
        documentIdPrefix = court.documentIDPrefix
        self.phase = phase.rawValue
        nextGenAt = plan.nextGenAt
        blackout = plan.blackouts.map { Window(from: $0.start, to: $0.end) }
    }
}
