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

    /// Each case once: the whole case (a page of entries at a time) when any message asks for it,
    /// else the entries the messages name.
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
                try await publishWhole(courtCase, in: court, from: docket)
            }
        }
    }

    /// How many entries of a case are read and published at a time.
    static let pageSize = 500

    /// The case with its parties and first page of entries (replacing all it had), then its
    /// other entries a page at a time: a 50,000-entry case read whole held its every entry in
    /// memory at once (the server's high-water mark, BENCHMARKS.md P7).
    private func publishWhole(_ courtCase: CourtCase, in court: CourtID, from docket: any DocketStore) async throws {
        let parties = try await docket.parties(of: courtCase.id)
        guard courtCase.restriction == .public else {
            try await feed.publish(LocatorRecord(court: court, courtCase: courtCase, parties: parties), at: clock.now)
            return
        }
        func page(after seq: Int?) async throws -> [DocketEntry] {
            try await docket.entries(of: courtCase.id, DocketFilter(), zone: .gmt, after: seq, limit: Self.pageSize)
        }
        var entries = try await page(after: nil)
        try await feed.publish(
            LocatorRecord(court: court, courtCase: courtCase, parties: parties, entries: entries), at: clock.now)
        while entries.count == Self.pageSize, let last = entries.last?.seq {
            entries = try await page(after: last)
            var published: [Int: LocatorEntry?] = [:]
            for entry in entries {
                if let shown = LocatorEntry(court: court, courtCase: courtCase, entry: entry) {
                    published[entry.seq] = .some(shown)
                }
            }
            if !published.isEmpty { try await feed.publish(entries: published, court: court, caseID: courtCase.id) }
        }
    }
}
