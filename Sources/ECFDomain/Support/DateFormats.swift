import Foundation
import Synchronization

/// Instants written in a fixed pattern ("M/d/yyyy", RFC 5322's date) in a time zone, in US
/// English whatever the machine's locale.
public enum DateFormats {
    /// One formatter for each pattern and zone, made once and used under a lock. Making a
    /// `DateFormatter` opens an ICU formatter: the home page's cutover sentences (94 courts at
    /// full scale) made one for each date they wrote, an eighth of the page's time; a filing made
    /// three for its notice's dates, one for its receipt and one for each message's `Date` header
    /// (BENCHMARKS.md P2 and P4).
    public static func string(_ instant: Date, _ pattern: String, in zone: TimeZone) -> String {
        formatters.withLock { formatters in
            let key = "\(pattern) \(zone.identifier)"
            if let formatter = formatters[key] { return formatter.string(from: instant) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = pattern
            // The courts' zones and a handful of patterns: a bound for safety, never reached.
            if formatters.count >= 512 { formatters.removeAll() }
            formatters[key] = formatter
            return formatter.string(from: instant)
        }
    }

    private static let formatters = Mutex<[String: DateFormatter]>([:])
}
