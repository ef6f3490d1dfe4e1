import ECFDomain
import Foundation
import Testing

@testable import ECFWeb

@Suite("A webhook's state as its owner's page says it")
struct WebhookStateTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let style = Date.FormatStyle(
        date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_US"),
        timeZone: TimeZone(identifier: "America/New_York")!)

    @Test func onFailingAndOffAreEachSaid() {
        var hook = Webhook(
            id: WebhookID(UUID()), owner: AccountID(UUID()), caseID: nil, url: "https://hooks.example.org/a",
            secret: "whsec_x", createdAt: start)
        #expect(WebhooksPage.state(of: hook, style) == "On")
        _ = hook.recordFailure("refused", at: start)
        _ = hook.recordFailure("refused", at: start)
        #expect(
            WebhooksPage.state(of: hook, style)
                == "On, failing since \(start.formatted(style)) (2 failed deliveries in a row)")
        hook.disabledAt = start
        #expect(WebhooksPage.state(of: hook, style) == "Off after 2 failed deliveries")
    }
}
