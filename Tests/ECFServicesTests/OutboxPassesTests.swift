import ECFDomain
import Testing

@testable import ECFServices

@Suite("Which outboxes the worker looks in")
struct OutboxPassesTests {
    let cacd = OutboxLocation.court(CourtID("cacd"))
    let start = ContinuousClock.now

    @Test func everyOutboxFirstThenThoseThatRang() {
        var passes = OutboxPasses(interval: .seconds(1))
        #expect(passes.next(at: start) == nil, "the first pass looks everywhere")
        passes.woke(.rung([cacd]))
        #expect(passes.next(at: start + .milliseconds(10)) == [cacd])
        passes.again(deliveredFrom: [cacd], rung: .rung([.psc]))
        #expect(
            passes.next(at: start + .milliseconds(20)) == [cacd, .psc], "a burst goes on, with what rang meanwhile")
        passes.woke(.everywhere)
        #expect(passes.next(at: start + .milliseconds(30)) == nil, "the wait's time limit: everywhere")
        // A pass over every outbox that delivered from one: the burst goes on there alone.
        passes.again(deliveredFrom: [cacd], rung: nil)
        #expect(passes.next(at: start + .milliseconds(40)) == [cacd])
    }

    /// Under a steady stream of rings from one court (billed docket reports), the other outboxes
    /// are still looked in once every interval: a message another process queued is not stranded.
    @Test func everyOutboxAtLeastOnceAnIntervalWhateverRings() {
        var passes = OutboxPasses(interval: .seconds(1))
        var full: [Duration] = []
        for step in 0..<300 {
            let elapsed = Duration.milliseconds(10 * step)
            if passes.next(at: start + elapsed) == nil { full.append(elapsed) }
            passes.woke(.rung([cacd]))
        }
        #expect(full == [.zero, .seconds(1), .seconds(2)])
    }
}
