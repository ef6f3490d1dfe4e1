import ECFDomain
import Foundation

/// Charges a filing's fee to the card the filer gave, in words the filer understands when it
/// cannot; and gives it back when the filing could not be recorded after all.
struct CollectFee: Sendable {
    let gateway: any PaymentGateway

    /// `nil` when the event has no fee.
    func callAsFunction(_ fee: Money, card: PaymentCard?, description: String) async throws -> Payment? {
        guard fee != .zero else { return nil }
        guard let card else {
            throw CourtError(
                .paymentRequired, "This filing has a fee of \(fee). Enter the card to pay it with.",
                fields: ["cardNumber": "Enter the card number."])
        }
        do {
            return try await gateway.charge(fee, to: card, description: description)
        } catch PaymentRefusal.declined(let reason) {
            throw CourtError(
                .paymentDeclined,
                "The payment of \(fee) was declined: \(reason) Nothing was filed. Use another card, or call your bank.",
                fields: ["cardNumber": "Declined."])
        } catch PaymentRefusal.timedOut {
            throw CourtError(
                .paymentUnavailable,
                "The payment service did not answer in time. Nothing was charged and nothing was filed; try again in a few minutes.",
                retryAfter: 60)
        }
    }

    /// Runs `record` after the payment; when it fails, the payment is refunded and the error rethrown.
    func refunding<T: Sendable>(_ payment: Payment?, _ record: () async throws -> T) async throws -> T {
        do {
            return try await record()
        } catch {
            if let payment { try? await gateway.refund(payment) }
            throw error
        }
    }
}
