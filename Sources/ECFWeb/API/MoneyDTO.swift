import ECFDomain

/// Money in every JSON answer: `{cents, currency}`.
struct MoneyDTO: Encodable {
    let cents: Int
    let currency = "USD"

    init(cents: Int) {
        self.cents = cents
    }

    init(_ money: Money) {
        cents = money.cents
    }
}
