import ECFDomain
import Foundation
import Synchronization
import Testing

@testable import ECFServices

@Suite("Enabling and listing courts")
struct CourtsUseCaseTests {
    let registry = FakeCourtRegistry()
    let provisioner = FakeProvisioner()
    let clock = FixedClock(try! Date("2026-03-06T12:00:00Z", strategy: .iso8601))

    var enable: EnableCourt { EnableCourt(registry: registry, provisioner: provisioner, clock: clock) }

    @Test func enablingProvisionsTheDatabaseThenRecordsTheCourt() async throws {
        #expect(try await enable("cacd") == .enabled(FederalCourts.court(CourtID("cacd"))!))
        #expect(provisioner.provisioned.withLock { $0 } == [CourtID("cacd")])
        #expect(try await registry.enabledCourts().map(\.court.id) == [CourtID("cacd")])
    }

    @Test func enablingTwiceChangesNothing() async throws {
        _ = try await enable("nysd")
        #expect(try await enable("NYSD") == .alreadyEnabled(FederalCourts.court(CourtID("nysd"))!))
        #expect(try await registry.enabledCourts().count == 1)
    }

    @Test func anUnknownCourtTouchesNoDatabase() async throws {
        await #expect(throws: UnknownCourtError.self) { try await enable("cadx") }
        #expect(provisioner.provisioned.withLock { $0 }.isEmpty)
        #expect(try await registry.enabledCourts().isEmpty)
    }

    @Test func listsCourtsInOrderWithTheirPhase() async throws {
        _ = try await enable("nysd")
        _ = try await enable("cacd")
        let listings = try await ListCourts(registry: registry, clock: clock)()
        #expect(listings.map(\.court.id.rawValue) == ["cacd", "nysd"])
        #expect(listings.allSatisfy { $0.phase == .legacy })
    }

    @Test func theStartedClockRunsForwardFromItsStart() async throws {
        let start = try Date("2026-03-06T18:00:00-08:00", strategy: .iso8601)
        let clock = StartedClock(start: start)
        let first = clock.now
        #expect(first >= start && first.timeIntervalSince(start) < 5)
        try await Task.sleep(for: .milliseconds(20))
        #expect(clock.now > first)
    }
}

@Suite("A court's plan kept under the plans' revision")
struct CourtPlanKeptTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let cacd = CourtID("cacd")

    /// Counts the reads of the court's own database.
    final class Reads: Sendable {
        let count = Mutex(0)
        func plan(_ plan: CutoverPlan) -> CutoverPlan {
            count.withLock { $0 += 1 }
            return plan
        }
    }

    @Test func keptWhileTheRevisionStandsReadAgainAfterNotKeptDuringAChange() async throws {
        let cache = CourtPlansCache()
        let reads = Reads()
        let first = CutoverPlan(nextGenAt: now.addingTimeInterval(86_400))
        let second = CutoverPlan(nextGenAt: now.addingTimeInterval(2 * 86_400))
        let settled = PlansRevision(revision: 3, changingUntil: nil)
        #expect(try await cache.plan(of: cacd, state: settled, now: now) { reads.plan(first) } == first)
        #expect(try await cache.plan(of: cacd, state: settled, now: now) { reads.plan(second) } == first)
        #expect(reads.count.withLock { $0 } == 1, "the second request reads no court database")
        // Another court under the same revision is read once and kept beside the first.
        let nysd = CourtID("nysd")
        #expect(try await cache.plan(of: nysd, state: settled, now: now) { reads.plan(second) } == second)
        #expect(try await cache.plan(of: cacd, state: settled, now: now) { reads.plan(second) } == first)
        #expect(reads.count.withLock { $0 } == 2)
        // A change under way: read every time, kept never.
        let changing = PlansRevision(revision: 4, changingUntil: now.addingTimeInterval(60))
        #expect(try await cache.plan(of: cacd, state: changing, now: now) { reads.plan(second) } == second)
        #expect(try await cache.plan(of: cacd, state: changing, now: now) { reads.plan(first) } == first)
        #expect(reads.count.withLock { $0 } == 4)
        // Done: the next revision is read afresh, then kept.
        let done = PlansRevision(revision: 5, changingUntil: now.addingTimeInterval(60))
        let later = now.addingTimeInterval(61)
        #expect(try await cache.plan(of: cacd, state: done, now: later) { reads.plan(second) } == second)
        #expect(try await cache.plan(of: cacd, state: done, now: later) { reads.plan(first) } == second)
        #expect(reads.count.withLock { $0 } == 5)
    }
}
