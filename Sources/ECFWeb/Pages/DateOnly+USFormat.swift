import ECFDomain
import Foundation

extension DateOnly {
    /// `03/04/2026`: month first, as CM/ECF pages print dates and juriscraper reads them (padded
    /// by hand: `String(format:)` is slow, and a docket report prints two dates an entry).
    var usFormat: String { Self.padded(month, 2) + "/" + Self.padded(day, 2) + "/" + Self.padded(year, 4) }

    /// `03/04/2026 17:05:09`: the instant's date and time in the zone, as PACER's transaction
    /// receipts print them; from the zone's offset rather than a new `DateFormatter` for every
    /// receipt (a twentieth of a mixed load's time, BENCHMARKS.md P4).
    public static func usTimestamp(_ instant: Date, in zone: TimeZone) -> String {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let second = (local % 86_400 + 86_400) % 86_400
        return DateOnly(instant, in: zone).usFormat + " " + padded(second / 3_600, 2) + ":"
            + padded(second / 60 % 60, 2) + ":" + padded(second % 60, 2)
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
