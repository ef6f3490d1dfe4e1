import Foundation
import Testing

@testable import ECFApp

@Suite("Verified sign-in tokens kept, within bounds")
struct VerifiedTokensTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aKeptTokenIsFoundByItsExactText() {
        let kept = VerifiedTokens<String>(atMost: 10)
        kept.keep("jdoe", for: "a.b.c", until: now.addingTimeInterval(900), now: now)
        #expect(kept["a.b.c"] == "jdoe")
        #expect(kept["a.b.C"] == nil)
        #expect(kept["a.b.c "] == nil)
    }

    @Test func whenFullTheExpiredGoFirstAndOtherwiseAll() {
        let kept = VerifiedTokens<Int>(atMost: 3)
        kept.keep(1, for: "old", until: now.addingTimeInterval(-1), now: now)
        kept.keep(2, for: "two", until: now.addingTimeInterval(900), now: now)
        kept.keep(3, for: "three", until: now.addingTimeInterval(900), now: now)
        kept.keep(4, for: "four", until: now.addingTimeInterval(900), now: now)
        #expect(kept["old"] == nil, "the expired one made room")
        #expect(kept["two"] == 2 && kept["three"] == 3 && kept["four"] == 4)
        kept.keep(5, for: "five", until: now.addingTimeInterval(900), now: now)
        #expect(kept.count == 1, "none had expired: all were dropped")
        #expect(kept["five"] == 5)
    }
}
