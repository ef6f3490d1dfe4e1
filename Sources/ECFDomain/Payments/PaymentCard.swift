import Foundation

/// A payment card as the filer types it on the fee form, checked before anything is charged.
public struct PaymentCard: Sendable, Equatable {
    /// Digits only.
    public let number: String
    public let expiryMonth: Int
    public let expiryYear: Int
    public let holder: String

    public var lastFour: String { String(number.suffix(4)) }

    /// Checks the card as typed (`4111 1111 1111 1111`, `12/29`, the name on the card) and
    /// returns every problem at once, keyed by field (`cardNumber`, `cardExpiry`, `cardHolder`).
    ///
    /// Source: ISO/IEC 7812-1 (13 to 19 digits, the Luhn check digit); a card is good through the
    /// last day of its expiry month.
    public static func typed(number: String, expiry: String, holder: String, today: DateOnly) -> Result<
        PaymentCard, FieldProblems
    > {
        var problems = FieldProblems()
        let digits = number.filter { !$0.isWhitespace && $0 != "-" }
        if digits.isEmpty {
            problems["cardNumber"] = "Enter the card number."
        } else if !digits.allSatisfy(\.isASCIIDigit) || !(13...19).contains(digits.count) || !luhn(digits) {
            problems["cardNumber"] = "This card number is not valid. Check the digits on the card."
        }
        let parts = expiry.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        var month = 0
        var year = 0
        if parts.count == 2, let m = Int(parts[0]), let y = Int(parts[1]), (1...12).contains(m),
            parts[1].count == 2 || parts[1].count == 4
        {
            month = m
            year = y < 100 ? 2000 + y : y
            if (year, month) < (today.year, today.month) { problems["cardExpiry"] = "This card has expired." }
        } else {
            problems["cardExpiry"] = "Enter the expiry date as on the card, MM/YY (for example 08/29)."
        }
        let name = holder.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 { problems["cardHolder"] = "Enter the name as it appears on the card." }
        guard problems.isEmpty else { return .failure(problems) }
        return .success(PaymentCard(number: digits, expiryMonth: month, expiryYear: year, holder: name))
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    public init(number: String, expiryMonth: Int, expiryYear: Int, holder: String) {
        self.number = number
        self.expiryMonth = expiryMonth
        self.expiryYear = expiryYear
        self.holder = holder
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A fee paid: the gateway's receipt number is what the docket text and the filer's receipt show.
public struct Payment: Sendable, Equatable, Codable {
    public let receiptNumber: String
    public let amount: Money
    public let cardLastFour: String
    public let paidAt: Date

    public init(receiptNumber: String, amount: Money, cardLastFour: String, paidAt: Date) {
        self.receiptNumber = receiptNumber
        self.amount = amount
        self.cardLastFour = cardLastFour
        self.paidAt = paidAt
    }
}
