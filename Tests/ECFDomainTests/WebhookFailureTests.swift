import ECFDomain
import Foundation
import Testing

@Suite("Webhook failures: turned off by failures in number and in time")
struct WebhookFailureTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func webhook() -> Webhook {
        Webhook(
            id: WebhookID(UUID()), owner: AccountID(UUID()), caseID: nil, url: "https://hooks.example.org/a",
            secret: "whsec_x", createdAt: start)
    }

    @Test func manyFailuresInAMomentDoNotTurnItOff() {
        var hook = webhook()
        for _ in 0..<50 { #expect(hook.recordFailure("timed out", at: start) == false) }
        #expect(hook.isActive && hook.consecutiveFailures == 50 && hook.failingSince == start)
    }

    /// One delivery retried by `RetryPolicy` (5 s, doubling): its eighth attempt, 635 s after its
    /// first, turns the webhook off; its seventh, at 315 s, does not.
    @Test func theEighthFailureOfADeliveryRetriedForTenMinutesTurnsItOff() {
        var hook = webhook()
        let policy = RetryPolicy()
        var at = start
        for attempt in 1...7 {
            #expect(hook.recordFailure("refused", at: at) == false, "attempt \(attempt)")
            at = at.addingTimeInterval(policy.delay(afterAttempts: attempt))
        }
        #expect(at.timeIntervalSince(start) == 635)
        #expect(hook.recordFailure("refused", at: at) == true)
        #expect(hook.disabledAt == at && hook.lastFailure == "refused")
        #expect(hook.recordFailure("refused", at: at) == false, "turned off once")
    }

    @Test func tenMinutesOfFewerThanEightFailuresDoNotTurnItOff() {
        var hook = webhook()
        _ = hook.recordFailure("refused", at: start)
        #expect(hook.recordFailure("refused", at: start.addingTimeInterval(3_600)) == false)
        #expect(WebhookPolicy.disables(hook, at: start.addingTimeInterval(7_200)) == false)
    }
}
