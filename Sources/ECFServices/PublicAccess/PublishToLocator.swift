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
        try await handle(batch: [message], from: location)
    }

    /// Each case once: read in full when any message asks for the whole case, else the entries
    /// the messages name.
    public func handle(batch messages: [OutboxMessage], from location: OutboxLocation) async throws {
        guard case .court(let court) = location else { return }
        var wanted: [CaseID: Set<Int>?] = [:]
        for message in messages {
            let (caseID, seq) = try message.decodedLocatorTarget()
            switch (wanted[caseID], seq) {
            case (.some(.none), _): break
            case (_, nil): wanted[caseID] = .some(nil)
            case (let seqs, let seq?): wanted[caseID] = .some((seqs ?? []).map { $0.union([seq]) } ?? [seq])
            }
        }
        let docket = try await stores.docket(court)
        for (caseID, seqs) in wanted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let courtCase = try await docket.courtCase(caseID) else { continue }
            if let seqs {
                var entries: [Int: LocatorEntry?] = [:]
                for seq in seqs {
                    entries[seq] = .some(
                        try await docket.entry(caseID, seq: seq).flatMap {
                            LocatorEntry(court: court, courtCase: courtCase, entry: $0)
                        })
                }
                try await feed.publish(entries: entries, court: court, caseID: caseID)
            } else {
                let entries = courtCase.restriction == .public ? try await docket.entries(of: caseID) : []
                let record = LocatorRecord(
                    court: court, courtCase: courtCase, parties: try await docket.parties(of: caseID),
                    entries: entries)
                try await feed.publish(record, at: clock.now)
            }
        }
    }
}
