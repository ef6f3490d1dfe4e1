import ECFDomain
import ECFServices
import Foundation

/// The payment gateway OpenECF ships with: nothing is really charged. Three test cards decide what
/// happens, as a card processor's sandbox does; every other card is declined.
public struct TestPaymentGateway: PaymentGateway {
    /// Charged at once.
    public static let succeeds = "4111111111111111"
    /// Declined by the "bank".
    public static let declines = "4000000000000002"
    /// The gateway never answers in time.
    public static let timesOut = "4000000000000119"

    let clock: any Clock

    public init(clock: any Clock) {
        self.clock = clock
    }

    public func charge(_ amount: Money, to card: PaymentCard, description: String) async throws -> Payment {
        switch card.number {
        case Self.succeeds:
            let digits = UUID().uuidString.filter(\.isHexDigit).prefix(8).uppercased()
            return Payment(
                receiptNumber: "TEST-\(digits)", amount: amount, cardLastFour: card.lastFour, paidAt: clock.now)
        case Self.timesOut: throw PaymentRefusal.timedOut
        case Self.declines: throw PaymentRefusal.declined(reason: "the card issuer declined this charge.")
        default:
            throw PaymentRefusal.declined(
                reason: "this court takes test payments only; use the test card 4111 1111 1111 1111.")
        }
    }

    public func refund(_ payment: Payment) async throws {}
}
