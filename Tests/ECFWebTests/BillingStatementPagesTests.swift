import ECFApp
import ECFDomain
import ECFPersistence
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A quarter of many charges (an account that buys in bulk) is shown and answered a page at a
/// time, with the whole quarter's count and total on every page.
@Suite("The billing statement, a page at a time")
struct BillingStatementPagesTests {
    @Test func aQuarterOfManyChargesIsReadAPageAtATimeInThePageAndTheAPI() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let id = try #require(try await api.call(.get, "/api/v1/pacer/account", token: press).json["id"] as? String)
            let account = AccountID(try #require(UUID(uuidString: id)))
            let now = Date()
            let charges = (0..<130).map { number in
                AccessCharge(
                    viewKey: "bulk-\(number)", account: account, username: Demo.press.username, court: CourtID("nysd"),
                    viewedAt: now.addingTimeInterval(Double(number - 130) / 1000), description: "Docket Report",
                    criteria: "case \(number)", pages: 1, amount: Money(cents: 10 + number % 3), clientCode: "")
            }
            try await TestApp.withOtherProcess(config) { try await $0.billingLedger().record(charges) }
            let cents = charges.reduce(0) { $0 + $1.amount.cents }

            func page(_ uri: String) async throws -> (status: HTTPResponse.Status, html: String) {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "openecf_cso=\(press)"]) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            let first = try await page("/pacer/account/billing")
            #expect(first.status == .ok)
            #expect(first.html.contains("130 charges this quarter, oldest first; this page shows 100."))
            #expect(first.html.contains("<td>case 0</td>") && first.html.contains("<td>case 99</td>"))
            #expect(!first.html.contains("<td>case 100</td>"))
            #expect(first.html.contains(Money(cents: cents).description))
            let next = try #require(
                first.html.firstMatch(of: /id="next-charges" href="([^"]+)"/).map { String($0.1) }
            ).replacingOccurrences(of: "&amp;", with: "&")
            let second = try await page(next)
            #expect(second.html.contains("<td>case 100</td>") && second.html.contains("<td>case 129</td>"))
            #expect(!second.html.contains("<td>case 99</td>") && !second.html.contains("id=\"next-charges\""))
            #expect(second.html.contains("Back to the quarter's first charges"))
            #expect(second.html.contains(Money(cents: cents).description), "the whole quarter's total on each page")

            let bad = try await page("/pacer/account/billing?cursor=bm8tc3VjaC12aWV3")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("This page link is not valid; start from the first page."))

            let answer = try await api.call(.get, "/api/v1/pacer/account/billing", token: press).json
            #expect((answer["charges"] as? [Any])?.count == 100)
            #expect((answer["total"] as? [String: Any])?["cents"] as? Int == cents)
            let cursor = try #require(answer["nextCursor"] as? String)
            let rest = try await api.call(.get, "/api/v1/pacer/account/billing?cursor=\(cursor)", token: press).json
            let criteria = (rest["charges"] as? [[String: Any]])?.compactMap { $0["criteria"] as? String }
            #expect(criteria == (100..<130).map { "case \($0)" })
            #expect(rest["nextCursor"] == nil)
            let refused = try await api.call(
                .get, "/api/v1/pacer/account/billing?cursor=bm8tc3VjaC12aWV3", token: press)
            #expect(refused.status == .unprocessableContent)
            // A cursor of the earlier form (`time|key`) still places its page.
            let earlier = CursorText.encode("001796000000000|bulk-99")
            let same = try await api.call(.get, "/api/v1/pacer/account/billing?cursor=\(earlier)", token: press).json
            #expect((same["charges"] as? [[String: Any]])?.first?["criteria"] as? String == "case 100")
        }
    }
}
