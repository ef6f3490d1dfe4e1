import ECFDomain
import ECFServices
import Foundation
import Synchronization
import Testing

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
