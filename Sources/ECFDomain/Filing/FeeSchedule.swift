/// An amount of US money in cents, never a floating-point number.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }
    public static let zero = Money(cents: 0)

    /// `$405.00`
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        let remainder = value % 100
        return "\(sign)$\(value / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
}

/// The district courts' filing fees that e-filing collects.
///
/// Source: 28 U.S.C. § 1914(a) ($350 to open a civil action) and the Judicial Conference's
/// District Court Miscellaneous Fee Schedule ¶ 14 ($55 administrative fee for a civil action,
/// together $405); ¶ 1 and the Court of Appeals fee schedule ($605 for a notice of appeal:
/// $5 under 28 U.S.C. § 1917 plus the $600 docketing fee); 28 U.S.C. § 1930(a)(1)(A) and the
/// Bankruptcy Court Miscellaneous Fee Schedule ¶¶ 8 and 19 ($245 + $78 + $15 = $338 for a
/// chapter 7 petition; $235 + $78 = $313 for chapter 13 under § 1930(a)(1)(B)) and ¶ 20 ($199 for
/// a motion for relief from the automatic stay).
public enum FeeSchedule {
    public enum Item: String, Sendable, Codable, CaseIterable {
        case civilCaseFiling
        case noticeOfAppeal
        case proHacVice
        case chapter7Petition
        case chapter13Petition
        case reliefFromStay
        case none
    }

    public static func amount(_ item: Item) -> Money {
        switch item {
        case .civilCaseFiling: Money(cents: 40_500)
        case .noticeOfAppeal: Money(cents: 60_500)
        // Pro hac vice fees are set by each court's local rules; C.D. Cal. charges $500.
        case .proHacVice: Money(cents: 50_000)
        case .chapter7Petition: Money(cents: 33_800)
        case .chapter13Petition: Money(cents: 31_300)
        case .reliefFromStay: Money(cents: 19_900)
        case .none: .zero
        }
    }
}
