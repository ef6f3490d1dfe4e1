import Testing

@testable import ECFServices

/// The worker waits on the doorbell between passes: a ring must wake it, and be remembered when
/// it comes while the worker is busy. Each wait here could last an hour were the bell deaf; the
/// time limit turns that into a failure.
@Suite("The outbox's doorbell", .timeLimit(.minutes(1)))
struct OutboxDoorbellTests {
    @Test func aRingWakesTheWaitingWorker() async {
        let bell = OutboxDoorbell()
        async let woke: Void = bell.wait(atMost: .seconds(3600))
        // Rings until the waiter has surely started waiting: a ring before it waits is remembered
        // too, so either way the wait ends.
        bell.ring()
        await woke
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
        await bell.wait(atMost: .milliseconds(50))
        let waiting = Task { await bell.wait(atMost: .seconds(3600)) }
        waiting.cancel()
        await waiting.value
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
        for waiter in waiters { await waiter.value }
        ringer.cancel()
    }
}
