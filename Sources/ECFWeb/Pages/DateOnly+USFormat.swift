import ECFDomain
import Foundation

extension DateOnly {
    /// `03/04/2026`: month first, as CM/ECF pages print dates and juriscraper reads them (padded
    /// by hand: `String(format:)` is slow, and a docket report prints two dates an entry).
    var usFormat: String { Digits.padded(month, 2) + "/" + Digits.padded(day, 2) + "/" + Digits.padded(year, 4) }

    /// `03/04/2026 17:05:09`: the instant's date and time in the zone, as PACER's transaction
    /// receipts print them; from the zone's offset rather than a new `DateFormatter` for every
    /// receipt (a twentieth of a mixed load's time, BENCHMARKS.md P4).
    public static func usTimestamp(_ instant: Date, in zone: TimeZone) -> String {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let second = (local % 86_400 + 86_400) % 86_400
        return DateOnly(instant, in: zone).usFormat + " " + Digits.padded(second / 3_600, 2) + ":"
            + Digits.padded(second / 60 % 60, 2) + ":" + Digits.padded(second % 60, 2)
    }
}
