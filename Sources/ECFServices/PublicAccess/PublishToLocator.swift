import ECFDomain
import Foundation

/// Delivers a court's `locator` outbox message: reads the case (or the one entry) as it is now and
/// publishes it to the national case locator (sealed cases by number only, and only public entries
/// of public cases, see `LocatorRecord`).
public struct PublishToLocator: OutboxHandler {
    let stores: any CourtStores
    let feed: any LocatorFeed
    let clock: any Clock

    public init(stores: any CourtStores, feed: any LocatorFeed, clock: any Clock) {
        self.stores = stores
        self.feed = feed
        self.clock = clock
    }

    public func handle(_ message: OutboxMessage, from location: OutboxLocation) async throws {
        guard case .court(let court) = location else { return }
        let (caseID, seq) = try message.decodedLocatorTarget()
        let docket = try await stores.docket(court)
        guard let courtCase = try await docket.courtCase(caseID) else { return }
        if let seq {
            let entry = try await docket.entry(caseID, seq: seq).flatMap {
                LocatorEntry(court: court, courtCase: courtCase, entry: $0)
            }
            try await feed.publish(entry: entry, court: court, caseID: caseID, seq: seq)
            return
        }
        let entries = courtCase.restriction == .public ? try await docket.entries(of: caseID) : []
        let record = LocatorRecord(
            court: court, courtCase: courtCase, parties: try await docket.parties(of: caseID), entries: entries)
        try await feed.publish(record, at: clock.now)
    }
}
