import ECFDomain
import Foundation

/// Why a payment did not go through. Nothing was charged in either case.
public enum PaymentRefusal: Error, Equatable, Sendable {
    /// The card's bank said no; the reason is in the bank's or gateway's words.
    case declined(reason: String)
    /// The gateway did not answer in time.
    case timedOut
}

/// Collects filing fees by card (Pay.gov in the real courts). The default is a test gateway; an
/// adapter for a real processor implements this and nothing else changes.
public protocol PaymentGateway: Sendable {
    /// Charges the card or throws `PaymentRefusal`.
    func charge(_ amount: Money, to card: PaymentCard, description: String) async throws -> Payment
    /// Gives a payment back (a filing that could not be recorded after the charge went through).
    func refund(_ payment: Payment) async throws
}
