/// Numbers written with leading zeros, by hand: `String(format:)` goes through Foundation's
/// formatting and was a twentieth of a locator search's time (dates and case numbers in every
/// hit, BENCHMARKS.md P4).
public enum Digits {
    /// `number` in at least `width` digits: `padded(7, 2)` is `07`. A negative number is written
    /// as `String(number)` is.
    public static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        let count = digits.utf8.count
        return count >= width || number < 0 ? digits : String(repeating: "0", count: width - count) + digits
    }
}
