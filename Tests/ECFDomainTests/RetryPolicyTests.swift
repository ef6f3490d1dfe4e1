import ECFDomain
import Testing

@Suite("Outbox retry policy")
struct RetryPolicyTests {
    @Test func backsOffExponentiallyUpToTheCap() {
        let policy = RetryPolicy(initialDelay: 5, maximumDelay: 3600)
        #expect(policy.delay(afterAttempts: 1) == 5)
        #expect(policy.delay(afterAttempts: 2) == 10)
        #expect(policy.delay(afterAttempts: 3) == 20)
        #expect(policy.delay(afterAttempts: 12) == 3600)
        #expect(policy.delay(afterAttempts: 10_000) == 3600)
    }
}
