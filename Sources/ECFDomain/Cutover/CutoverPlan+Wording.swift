import Foundation

extension CutoverPlan.Blackout {
    /// "CM/ECF will be unavailable from Friday, February 14, 2020 at 6:00 PM PST through Monday,
    /// February 17" — a window ending at midnight is said through the day before, as courts say it.
    public func sentence(in zone: TimeZone, now: Date) -> String {
        let verb = contains(now) ? "is unavailable" : (end <= now ? "was unavailable" : "will be unavailable")
        return "CM/ECF \(verb) from \(CourtLocalTime.dayAndTime(start, in: zone)) through \(until(in: zone))."
    }

    /// The last moment of the window in words: "Monday, February 17" for a window ending at
    /// midnight, otherwise the day and time it ends.
    public func until(in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: end)
        if parts.hour == 0, parts.minute == 0, parts.second == 0 {
            return CourtLocalTime.shortDay(end.addingTimeInterval(-1), in: zone, relativeTo: start)
        }
        return CourtLocalTime.shortDay(end, in: zone, relativeTo: start) + " at " + CourtLocalTime.time(end, in: zone)
    }
}

extension CutoverPlan {
    /// The plan in a court's words, one sentence per fact, for pages and notices.
    public func sentences(in zone: TimeZone, now: Date) -> [String] {
        guard let nextGenAt else { return ["No move to NextGen CM/ECF is planned yet."] }
        var lines = blackouts.map { $0.sentence(in: zone, now: now) }
        let when = CourtLocalTime.dayAndTime(nextGenAt, in: zone)
        lines.append(
            nextGenAt <= now
                ? "The court moved to NextGen CM/ECF on \(when)."
                : "The court moves to NextGen CM/ECF on \(when).")
        return lines
    }
}
