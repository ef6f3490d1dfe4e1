import ECFDomain
import Testing

@testable import ECFServices

/// The worker waits on the doorbell between passes: a ring must wake it, and be remembered when
/// it comes while the worker is busy. Each wait here could last an hour were the bell deaf; the
/// time limit turns that into a failure.
@Suite("The outbox's doorbell", .timeLimit(.minutes(1)))
struct OutboxDoorbellTests {
    @Test func aRingWakesTheWaitingWorker() async {
        let bell = OutboxDoorbell()
        async let woke = bell.wait(atMost: .seconds(3600))
        // Rings until the waiter has surely started waiting: a ring before it waits is remembered
        // too, so either way the wait ends.
        bell.ring()
        #expect(await woke == .everywhere, "a ring that does not say where sends the worker everywhere")
    }

    /// Rings say where: the worker looks in those outboxes alone; rings that came while it was
    /// busy are gathered; a ring that does not say where, or the time limit, means every outbox.
    @Test func aRingSaysWhichOutboxesToLookIn() async {
        let bell = OutboxDoorbell()
        let cacd = OutboxLocation.court(CourtID("cacd"))
        bell.ring(cacd)
        bell.ring(.psc)
        bell.ring(cacd)
        #expect(await bell.wait(atMost: .seconds(3600)) == .rung([cacd, .psc]))
        #expect(bell.take() == nil, "taken once")
        async let woke = bell.wait(atMost: .seconds(3600))
        bell.ring(cacd)
        #expect(await woke == .rung([cacd]))
        bell.ring(cacd)
        bell.ring()
        #expect(bell.take() == .everywhere)
        #expect(await bell.wait(atMost: .milliseconds(20)) == .everywhere, "the time limit: every outbox")
        #expect(OutboxDoorbell.Wake.rung([cacd]).merged(.rung([.psc])).only == [cacd, .psc])
        #expect(OutboxDoorbell.Wake.rung([cacd]).merged(.everywhere).only == nil)
    }

    @Test func aRingWhileNobodyWaitsIsRememberedOnce() async throws {
        let bell = OutboxDoorbell()
        bell.ring()
        bell.ring()
        await bell.wait(atMost: .seconds(3600))
        // Remembered once only: the next wait lasts its whole limit.
        let clock = ContinuousClock()
        let waited = await clock.measure { await bell.wait(atMost: .milliseconds(200)) }
        #expect(waited >= .milliseconds(200))
    }

    @Test func aWaitEndsAtItsLimitOrWhenCancelled() async {
        let bell = OutboxDoorbell()
        #expect(await bell.wait(atMost: .milliseconds(50)) == .everywhere, "the time limit: look everywhere")
        let waiting = Task { await bell.wait(atMost: .seconds(3600)) }
        waiting.cancel()
        #expect(await waiting.value == .everywhere)
    }

    @Test func everyWaiterWakes() async {
        let bell = OutboxDoorbell()
        let waiters = (0..<5).map { _ in Task { await bell.wait(atMost: .seconds(3600)) } }
        // Rung until all have woken: one ring wakes every waiter already waiting, and is
        // remembered for one that is not yet.
        let ringer = Task {
            while !Task.isCancelled {
                bell.ring()
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        for waiter in waiters { #expect(await waiter.value == .everywhere, "rung without a place") }
        ringer.cancel()
    }
}
