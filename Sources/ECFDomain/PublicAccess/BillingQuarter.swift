import Foundation

/// A calendar quarter of PACER billing (`2026Q4`), counted in the PACER Service Center's zone.
///
/// Source: EPA Fee Schedule ¶ 8 and PACER's quarterly billing ("accounts are billed quarterly; if
/// usage does not exceed $30 in a quarter, fees are waived for that quarter").
public struct BillingQuarter: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let quarter: Int

    /// The PACER Service Center is in San Antonio, Texas (Central time).
    public static let zone = TimeZone(identifier: "America/Chicago")!

    public init?(year: Int, quarter: Int) {
        guard (2000...9999).contains(year), (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// The quarter of an instant.
    public init(_ instant: Date) {
        let day = DateOnly(instant, in: Self.zone)
        year = day.year
        quarter = (day.month - 1) / 3 + 1
    }

    /// Reads `2026Q4` (or `2026q4`).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "Q")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, let year = Int(parts[0]),
            let quarter = Int(parts[1])
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    public var description: String { "\(year)Q\(quarter)" }

    /// `October 1 – December 31, 2026`
    public var label: String {
        let spans = [
            "January 1 – March 31", "April 1 – June 30", "July 1 – September 30", "October 1 – December 31",
        ]
        return "\(spans[quarter - 1]), \(year)"
    }

    public static func < (lhs: BillingQuarter, rhs: BillingQuarter) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }
}
