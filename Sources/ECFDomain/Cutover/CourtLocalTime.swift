import Foundation

/// Instants typed in a court's own time zone, as a court announces them (`2020-02-14T18:00`, or
/// to the second), and shown back in the court's words.
public enum CourtLocalTime {
    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` in `zone`; an instant with an explicit
    /// offset (`…Z`, `…-08:00`) is taken as written.
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let instant = try? Date.ISO8601FormatStyle().parse(trimmed) { return instant }
        let halves = trimmed.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let day = DateOnly(iso: String(halves[0])) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: parts) else { return nil }
        // A wall time skipped by a daylight-saving change does not exist in the court.
        let back = calendar.dateComponents([.hour, .minute], from: date)
        guard back.hour == hour, back.minute == minute else { return nil }
        return date
    }

    /// "Friday, February 14, 2020 at 6:00 PM PST"
    public static func dayAndTime(_ instant: Date, in zone: TimeZone) -> String {
        "\(day(instant, in: zone)) at \(time(instant, in: zone))"
    }

    /// "Friday, February 14, 2020"
    public static func day(_ instant: Date, in zone: TimeZone) -> String {
        format(instant, "EEEE, MMMM d, yyyy", zone)
    }

    /// "6:00 PM PST"
    public static func time(_ instant: Date, in zone: TimeZone) -> String {
        format(instant, "h:mm a zzz", zone)
    }

    /// "Monday, February 17" (the year when it differs from `relativeTo`'s).
    public static func shortDay(_ instant: Date, in zone: TimeZone, relativeTo other: Date) -> String {
        let sameYear = format(instant, "yyyy", zone) == format(other, "yyyy", zone)
        return format(instant, sameYear ? "EEEE, MMMM d" : "EEEE, MMMM d, yyyy", zone)
    }

    /// `2020-02-14T18:00` in the court's zone, as the forms show it back.
    public static func typed(_ instant: Date, in zone: TimeZone) -> String {
        format(instant, "yyyy-MM-dd'T'HH:mm", zone)
    }

    static func format(_ instant: Date, _ format: String, _ zone: TimeZone) -> String {
        DateFormats.string(instant, format, in: zone)
    }
}
