import ECFDomain
import Foundation
import Testing

@Suite("Calendar dates of instants")
struct DateOnlyTests {
    /// What a Gregorian calendar in the zone says.
    func calendarDate(_ instant: Date, in zone: TimeZone) -> DateOnly {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return DateOnly(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    @Test(arguments: ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Kolkata", "GMT"])
    func theDateOfAnInstantIsTheCalendarsInEveryZone(zone name: String) throws {
        let zone = try #require(TimeZone(identifier: name))
        // Every 7 hours and 13 minutes from 1960 to 2040: both sides of midnight, of every DST
        // change and of leap days.
        var instant = Date(timeIntervalSince1970: -315_619_200)
        var checked = 0
        while instant < Date(timeIntervalSince1970: 2_208_988_800) {
            #expect(DateOnly(instant, in: zone) == calendarDate(instant, in: zone), "\(instant) in \(name)")
            instant.addTimeInterval(7 * 3600 + 13 * 60)
            checked += 1
        }
        #expect(checked > 90_000)
    }

    @Test func midnightBelongsToTheDayItStarts() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let midnight = DateOnly(year: 2024, month: 2, day: 29).startOfDay(in: newYork)
        #expect(DateOnly(midnight, in: newYork) == DateOnly(year: 2024, month: 2, day: 29))
        #expect(DateOnly(midnight.addingTimeInterval(-1), in: newYork) == DateOnly(year: 2024, month: 2, day: 28))
        #expect(DateOnly(daysSince1970: 0) == DateOnly(year: 1970, month: 1, day: 1))
        #expect(DateOnly(daysSince1970: -1) == DateOnly(year: 1969, month: 12, day: 31))
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        let leapDay = DateOnly(year: 2024, month: 2, day: 29)
        #expect(leapDay.adding(days: 1) == DateOnly(year: 2024, month: 3, day: 1))
        #expect(leapDay.adding(days: 366) == DateOnly(year: 2025, month: 3, day: 1))
        #expect(DateOnly(year: 2000, month: 1, day: 1).adding(days: -1) == DateOnly(year: 1999, month: 12, day: 31))
        #expect(DateOnly(year: 1900, month: 3, day: 1).adding(days: -1) == DateOnly(year: 1900, month: 2, day: 28))
        // Every day of four centuries each way: counting back to the days gives the same number.
        for days in stride(from: -146_097, through: 146_097, by: 1) {
            guard DateOnly(daysSince1970: days).daysSince1970 == days else {
                Issue.record("day \(days) does not come back")
                return
            }
        }
    }

    @Test func readsAndWritesISODatesAndRefusesWhatIsNotOne() {
        #expect(DateOnly(iso: "2026-03-04") == DateOnly(year: 2026, month: 3, day: 4))
        #expect(DateOnly(iso: " 2024-02-29 ") == DateOnly(year: 2024, month: 2, day: 29))
        #expect(DateOnly(year: 2026, month: 3, day: 4).description == "2026-03-04")
        #expect(DateOnly(year: 987, month: 12, day: 31).description == "0987-12-31")
        for bad in [
            "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026-3-04", "2026/03/04",
            "2026-03-0x", "２０２６-03-04", "2026-03-04T", "", "20260304",
        ] {
            #expect(DateOnly(iso: bad) == nil, "\(bad)")
        }
        // Every day of four centuries is written and read back as itself.
        for days in stride(from: -146_097, through: 146_097, by: 7) {
            let date = DateOnly(daysSince1970: days)
            guard date.year >= 1, DateOnly(iso: date.description) != date else { continue }
            Issue.record("\(date.description) does not read back")
            return
        }
    }

    @Test func digitsArePaddedToTheirWidth() {
        #expect(Digits.padded(7, 2) == "07")
        #expect(Digits.padded(1_234, 5) == "01234")
        #expect(Digits.padded(123_456, 5) == "123456")
        #expect(Digits.padded(0, 4) == "0000")
        #expect(Digits.padded(-3, 4) == "-3")
    }
}
