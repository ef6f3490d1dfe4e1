import ECFDomain
import ECFServices
import Foundation
import Testing

@testable import ECFWeb

/// A billed answer is measured without its receipt and sent with it added
/// (`JSONResponse.inserting`): the bytes must be those of the answer encoded with the receipt.
@Suite("A receipt added to an encoded answer")
struct JSONInsertingTests {
    /// The reference: the body's keys and the receipt's in one object, as `encode` writes them.
    struct WithReceipt<Body: Encodable>: Encodable {
        let body: Body
        let receipt: ReceiptDTO?
        enum Key: String, CodingKey { case receipt }
        func encode(to encoder: any Encoder) throws {
            try body.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(receipt, forKey: .receipt)
        }
    }

    /// Keys before and after `receipt`, nested objects with keys of their own, and strings
    /// holding quotes, braces, commas and backslashes.
    struct Tricky: Encodable {
        let alpha = "a \"quoted\" }, \"receipt\": {"
        let nested = ["zeta": ["q": "\\\"", "r": "]"], "b": ["receipt": "no"]]
        let rebate: Int? = 3
        let recipient = "capital"
        let title = "Müller v. Northwind, {2026}"
        let zone: [String] = ["[", "\\", "\""]
        /// A capital sorts before every small letter.
        enum CodingKeys: String, CodingKey {
            case alpha, nested, rebate
            case recipient = "Recipient"
            case title, zone
        }
    }

    struct Empty: Encodable {}

    static let receipt = ReceiptDTO(
        ChargeView.Receipt(
            username: "press-reader", clientCode: "client \"7\"", viewedAt: Date(timeIntervalSince1970: 1_790_000_000),
            description: "Search", criteria: "party: o'brien", pages: 1, amount: Money(cents: 10), free: nil))

    func expectSame(_ body: some Encodable) throws {
        let measured = try JSONResponse.encode(body)
        let added = try JSONResponse.inserting("receipt", Self.receipt, into: measured)
        let reference = try JSONResponse.encode(WithReceipt(body: body, receipt: Self.receipt))
        #expect(String(decoding: added, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
        let none: ReceiptDTO? = nil
        #expect(try JSONResponse.inserting("receipt", none, into: measured) == measured)
    }

    @Test func theBytesAreThoseOfTheAnswerEncodedWithItsReceipt() throws {
        try expectSame(Tricky())
        try expectSame(Empty())
        let hit = CaseHit(
            court: CourtID("nysd"), caseID: CaseID(7), number: "1:26-cv-00007", title: "Ada v. Babbage",
            dateFiled: DateOnly(year: 2026, month: 3, day: 4), dateTerminated: nil, restriction: .public)
        try expectSame(CaseSearchDTO(CaseSearchPage(hits: [hit, hit], next: nil)))
        try expectSame(CaseSearchDTO(CaseSearchPage(hits: [], next: nil)))
    }

    @Test func onlyAnObjectTakesAMember() {
        #expect(throws: EncodingError.self) {
            try JSONResponse.inserting("receipt", Self.receipt, into: Data("[1,2]".utf8))
        }
    }
}
