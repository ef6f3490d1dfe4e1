import ECFDomain
import Foundation
import Testing

/// Keys of billed views and outbox messages begin with the time they were made (RFC 9562's
/// version 7), so new rows land at the end of their key's index.
@Suite("Time-ordered identifiers")
struct TimeOrderedUUIDTests {
    /// Always the same bits, to see where the random ones go.
    struct AllOnes: RandomNumberGenerator {
        mutating func next() -> UInt64 { .max }
    }

    @Test func theFirst48BitsAreTheMillisecondThenTheVersionAndVariant() {
        var ones = AllOnes()
        let instant = Date(timeIntervalSince1970: 1_764_700_000.123_9)
        let id = UUID.timeOrdered(at: instant, using: &ones)
        // 1,764,700,000,123 ms is 0x019AE051_0F7B; version 7, then 12 random bits; variant 10,
        // then 62 random bits.
        #expect(id.uuidString.lowercased() == "019ae051-0f7b-7fff-bfff-ffffffffffff")
        var zeros = ZeroGenerator()
        #expect(
            UUID.timeOrdered(at: instant, using: &zeros).uuidString.lowercased()
                == "019ae051-0f7b-7000-8000-000000000000")
    }

    @Test func idsMadeLaterSortAfterAsTextAndAsBytes() {
        // A millisecond apart, each halfway through its millisecond.
        let ids = (0..<200).map {
            UUID.timeOrdered(at: Date(timeIntervalSince1970: (1_764_700_000_000.5 + Double($0)) / 1000))
        }
        let texts = ids.map { $0.uuidString.lowercased() }
        #expect(texts == texts.sorted())
        let bytes = ids.map { withUnsafeBytes(of: $0.uuid) { Array($0) } }
        #expect(bytes == bytes.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(ids).count == ids.count)
    }

    @Test func idsMadeInTheSameMillisecondStillDiffer() {
        let instant = Date(timeIntervalSince1970: 1_764_700_000)
        let ids = (0..<1_000).map { _ in UUID.timeOrdered(at: instant) }
        #expect(Set(ids).count == 1_000)
        #expect(Set(ids.map { $0.uuidString.prefix(13) }).count == 1)
    }

    @Test func outboxMessagesMadeHereBeginWithTheirTime() {
        let now = Date(timeIntervalSince1970: 1_764_700_000.5)
        let message = OutboxMessage.locator(CaseID(7), at: now)
        #expect(message.id.description.lowercased().hasPrefix("019ae051-10f4-7"))
    }

    struct ZeroGenerator: RandomNumberGenerator {
        mutating func next() -> UInt64 { 0 }
    }
}
