import ECFDomain
import ECFServices

/// A court as `/api/v1/courts` shows it.
struct CourtDTO: Encodable {
    let id: String
    let name: String
    let kind: String
    let timeZone: String
    let documentIdPrefix: String
    let phase: String

    init(_ listing: CourtListing) {
        self.id = listing.court.id.rawValue
        self.name = listing.court.name
        self.kind = listing.court.kind.rawValue
        self.timeZone = listing.court.timeZoneID
        self.documentIdPrefix = listing.court.documentIDPrefix
        self.phase = listing.phase.rawValue
    }
}

struct CourtListDTO: Encodable {
    let courts: [CourtDTO]
}
