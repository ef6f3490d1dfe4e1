import ECFDomain
import Foundation
import Testing

@Suite("API token rules: scopes, expiry, rate limit")
struct APITokenRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func everyTokenReadsAndOnlyFilingOrClerkScopesNeedTwoSteps() {
        #expect(APIScopes(names: [])?.names == ["read"])
        #expect(APIScopes(names: ["clerk", "file"])?.names == ["read", "file", "clerk"])
        #expect(APIScopes(names: ["write"]) == nil)
        #expect(APIScopes(names: ["read"])?.needsTwoStepSignIn == false)
        #expect(APIScopes(names: ["file"])?.needsTwoStepSignIn == true)
    }

    @Test func aTokenNeedsANameAndAnExpiryWithinAYear() {
        #expect(APITokenPolicy.problems(name: "script", expiresAt: nil, now: now).isEmpty)
        #expect(APITokenPolicy.problems(name: "  ", expiresAt: nil, now: now).keys.sorted() == ["name"])
        #expect(APITokenPolicy.problems(name: "x", expiresAt: now, now: now).keys.sorted() == ["expiresAt"])
        let tooLate = now.addingTimeInterval(APITokenPolicy.maximumLifetime + 1)
        #expect(
            APITokenPolicy.problems(name: "x", expiresAt: tooLate, now: now)["expiresAt"]?.contains("one year") == true)
    }

    @Test func aTokensStateFollowsRevocationThenExpiry() {
        var token = APIToken(
            id: UUID(), accountID: AccountID(UUID()), name: "t", scopes: .read, tokenHash: "h", hint: "abcd",
            createdAt: now, expiresAt: now.addingTimeInterval(60))
        #expect(token.state(at: now) == .active)
        #expect(token.state(at: now.addingTimeInterval(60)) == .expired)
        token.revokedAt = now
        #expect(token.state(at: now) == .revoked)
    }

    @Test func theBucketAllowsAMinutesWorthThenRefillsSteadily() {
        let limit = RequestRateLimit(perMinute: 60)
        var bucket: RequestRateLimit.Bucket?
        for _ in 0..<60 {
            guard case .allowed(let next) = limit.take(from: bucket, now: now) else {
                Issue.record("a full bucket allows a minute's worth at once")
                return
            }
            bucket = next
        }
        #expect(limit.take(from: bucket, now: now) == .refused(retryAfter: 1))
        if case .allowed = limit.take(from: bucket, now: now.addingTimeInterval(1)) {
        } else {
            Issue.record("one second later one more request is allowed")
        }
        #expect(
            RequestRateLimit(perMinute: 2).take(from: .init(available: 0, at: now), now: now)
                == .refused(retryAfter: 30))
    }
}
