import ECFDomain
import Foundation

extension DateOnly {
    /// `03/04/2026`: month first, as CM/ECF pages print dates and juriscraper reads them (padded
    /// by hand: `String(format:)` is slow, and a docket report prints two dates an entry).
    var usFormat: String { Self.padded(month, 2) + "/" + Self.padded(day, 2) + "/" + Self.padded(year, 4) }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
