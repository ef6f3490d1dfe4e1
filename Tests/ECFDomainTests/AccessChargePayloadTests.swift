import Foundation
import Testing

@testable import ECFDomain

/// A charge's outbox payload, written out directly, is what `JSONEncoder` writes for it, and reads
/// back as the charge.
@Suite("A charge's outbox payload")
struct AccessChargePayloadTests {
    func charge(
        username: String = "demo-press", criteria: String = "1:26-cv-00002", clientCode: String = "",
        viewedAt: Date = Date(timeIntervalSince1970: 1_800_000_123.456_789), cents: Int = 300, pages: Int = 30
    ) -> AccessCharge {
        AccessCharge(
            viewKey: "3f2c8a1e-5b7d-4c9e-8f10-2a3b4c5d6e7f", account: AccountID(UUID()), username: username,
            court: CourtID("nysd"), viewedAt: viewedAt, description: "Docket Report", criteria: criteria, pages: pages,
            amount: Money(cents: cents), clientCode: clientCode)
    }

    @Test func thePayloadIsTheEncodersBytesAndReadsBackAsTheCharge() throws {
        let charges = [
            charge(),
            charge(
                criteria: "1:26-cv-00002; Filed: 01/02/2026 to 03/04/2026 / \"quoted\" \\ back", clientCode: "ACME/42"),
            charge(username: "Jane.Doe-2026", criteria: "Ñandú & Co. — 東京 😀", clientCode: "tab\there\nline\r"),
            charge(criteria: "control \u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F} end", clientCode: "\u{2028}"),
            charge(viewedAt: Date(timeIntervalSinceReferenceDate: 800_000_000), cents: 0, pages: 0),
            charge(viewedAt: Date(timeIntervalSinceReferenceDate: -12.5), cents: -10, pages: 1),
            charge(viewedAt: Date(timeIntervalSinceReferenceDate: 0.000_001)),
            charge(viewedAt: Date()),
        ]
        for charge in charges {
            let payload = try charge.outboxPayload
            #expect(
                String(decoding: payload, as: UTF8.self)
                    == String(decoding: try JSONEncoder.outbox.encode(charge), as: UTF8.self))
            let message = try OutboxMessage.billing(charge, at: charge.viewedAt)
            #expect(message.kind == .billing && message.payload == payload)
            #expect(try message.decodedCharge() == charge)
        }
    }
}
