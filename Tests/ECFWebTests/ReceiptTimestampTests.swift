import ECFDomain
import ECFWeb
import Foundation
import Testing

@Suite("A receipt's date and time, as PACER prints them")
struct ReceiptTimestampTests {
    @Test func theTimeIsTheZonesOwnThroughDaylightSavingAndMidnight() {
        let zone = BillingQuarter.zone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "MM/dd/yyyy HH:mm:ss"
        // Either side of 2026's changes of clock in Chicago, of midnight there, and a spread of
        // instants over eight years, before 1970 too.
        var instants = [
            "2026-03-08T07:59:59Z", "2026-03-08T08:00:00Z", "2026-11-01T06:59:59Z", "2026-11-01T07:00:00Z",
            "2026-01-05T05:59:59Z", "2026-01-05T06:00:00Z", "1969-12-31T23:59:59Z",
        ].map { ISO8601DateFormatter().date(from: $0)! }
        var random = SystemRandomNumberGenerator()
        // Whole seconds: a receipt's time is cut to the second, where DateFormatter rounds an
        // instant within half a millisecond of the next second up to it.
        for _ in 0..<500 {
            instants.append(
                Date(timeIntervalSince1970: Double(Int.random(in: -100_000_000...2_000_000_000, using: &random))))
        }
        for instant in instants {
            #expect(DateOnly.usTimestamp(instant, in: zone) == formatter.string(from: instant), "\(instant)")
        }
        let july = ISO8601DateFormatter().date(from: "2026-07-04T14:05:09Z")!
        #expect(DateOnly.usTimestamp(july, in: zone) == "07/04/2026 09:05:09")
    }
}
