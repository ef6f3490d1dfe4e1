import ECFDomain
import Foundation

extension DateOnly {
    /// `03/04/2026`: month first, as CM/ECF pages print dates and juriscraper reads them.
    var usFormat: String { String(format: "%02d/%02d/%04d", month, day, year) }
}
