import ECFDomain
import Foundation

/// Delivers a court's `locator` outbox message: reads the case as it is now and publishes it to
/// the national case locator (sealed cases by number only, see `LocatorRecord`).
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
        let caseID = try message.decodedCaseID()
        let docket = try await stores.docket(court)
        guard let courtCase = try await docket.courtCase(caseID) else { return }
        let record = LocatorRecord(court: court, courtCase: courtCase, parties: try await docket.parties(of: caseID))
        try await feed.publish(record, at: clock.now)
    }
}
