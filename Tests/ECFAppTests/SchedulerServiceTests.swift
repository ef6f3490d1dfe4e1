import ECFServices
import Logging
import Synchronization
import Testing

@testable import ECFApp

@Suite("The scheduler's timed jobs")
struct SchedulerServiceTests {
    /// A job runs at once, then again only once its own period has passed: a job checked every
    /// minute is not run on every tick of a scheduler that ticks every few milliseconds.
    @Test func eachJobRunsAtItsOwnPace() async throws {
        let ticks = Mutex<[String: Int]>([:])
        func job(_ name: String, every period: Duration) -> SchedulerService.Job {
            .init(name: name, every: period) {
                ticks.withLock { $0[name, default: 0] += 1 }
                return 0
            }
        }
        let scheduler = SchedulerService(
            jobs: [job("often", every: .milliseconds(5)), job("hourly", every: .seconds(3_600))],
            logger: .init(label: "test"), interval: .milliseconds(5))
        let running = Task { try await scheduler.run() }
        for _ in 0..<400 where ticks.withLock({ $0["often", default: 0] }) < 5 {
            try await Task.sleep(for: .milliseconds(10))
        }
        running.cancel()
        _ = try? await running.value
        let counted = ticks.withLock { $0 }
        #expect(counted["often", default: 0] >= 5)
        #expect(counted["hourly"] == 1)
    }

    /// A job whose first run waits a period (the databases' statistics, refreshed as each opened)
    /// does not run at the start; one beside it does, and it runs once its period has passed.
    @Test func aJobThatWaitsAPeriodFirstRunsOnlyAfterIt() async throws {
        let ticks = Mutex<[String: Int]>([:])
        func job(_ name: String, every period: Duration, waits: Bool) -> SchedulerService.Job {
            .init(name: name, every: period, waitsAPeriodFirst: waits) {
                ticks.withLock { $0[name, default: 0] += 1 }
                return 0
            }
        }
        let scheduler = SchedulerService(
            jobs: [
                job("at once", every: .seconds(3_600), waits: false),
                job("hourly, later", every: .seconds(3_600), waits: true),
                job("soon, later", every: .milliseconds(200), waits: true),
            ], logger: .init(label: "test"), interval: .milliseconds(5))
        let running = Task { try await scheduler.run() }
        for _ in 0..<400 where ticks.withLock({ $0["soon, later", default: 0] }) < 1 {
            try await Task.sleep(for: .milliseconds(10))
        }
        running.cancel()
        _ = try? await running.value
        let counted = ticks.withLock { $0 }
        #expect(counted["at once"] == 1)
        #expect(counted["hourly, later"] == nil)
        #expect(counted["soon, later", default: 0] >= 1)
    }

    /// A job woken early runs at the next tick, once, and then keeps its pace.
    @Test func aJobWokenEarlyRunsAtTheNextTick() async throws {
        let runs = Mutex(0)
        let wake = WakeFlag()
        let scheduler = SchedulerService(
            jobs: [
                .init(name: "hourly", every: .seconds(3_600), early: { wake.take() }) {
                    runs.withLock { $0 += 1 }
                    return 0
                }
            ], logger: .init(label: "test"), interval: .milliseconds(5))
        let running = Task { try await scheduler.run() }
        func waitFor(_ count: Int) async throws {
            for _ in 0..<400 where runs.withLock({ $0 }) < count { try await Task.sleep(for: .milliseconds(10)) }
        }
        try await waitFor(1)
        wake.raise()
        try await waitFor(2)
        try await Task.sleep(for: .milliseconds(50))
        running.cancel()
        _ = try? await running.value
        #expect(runs.withLock { $0 } == 2, "once at the start, once when woken")
    }
}
