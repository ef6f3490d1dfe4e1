import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Saved searches with alerts")
struct SavedSearchTests {
    static let alertSubject = "PACER alert"

    @Test func newEntriesAndNewCasesAreMailedOnceAndOnlyAfterTheSearchWasSaved() async throws {
        let clock = TestClock()
        let config = TestApp.config()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            // The national index learns of the demo's cases and entries within seconds of the start.
            try await WebhookTests.waitUntil {
                let found = try await api.call(.get, "/api/v1/pacer/locator?party=Roe", token: press)
                return (found.json["cases"] as? [[String: Any]])?.count ?? 0 >= 2
            }
            // Already on the demo dockets: known when the search is saved, never mailed.
            let old = try await api.call(
                .post, "/api/v1/pacer/account/searches", token: press,
                body: ["name": "Roe", "kind": "party", "query": "Roe", "frequency": "eachFiling"])
            #expect(old.status == .created, "\(old.json)")
            let text = try await api.call(
                .post, "/api/v1/pacer/account/searches", token: press,
                body: ["name": "dismissals", "kind": "text", "query": "dismiss", "frequency": "eachFiling"])
            let party = try await api.call(
                .post, "/api/v1/pacer/account/searches", token: press,
                body: ["name": "Acme Widgets", "kind": "party", "query": "Acme Widgets", "frequency": "daily"])
            #expect(text.status == .created && party.status == .created)
            let listed = try await api.call(.get, "/api/v1/pacer/account/searches", token: press)
            #expect((listed.json["searches"] as? [[String: Any]])?.count == 3)

            let avery = try await api.linkedAvery()
            #expect(try await APITokenTests.file(client, token: avery).0 == .created)
            let complaint: [CaseOpeningAPITests.File] = [
                ("document", "complaint.pdf", FilingAPITests.pdf(["COMPLAINT"]))
            ]
            let (opened, _) = try await CaseOpeningAPITests.send(
                client, "/api/v1/courts/nysd/cases", json: CaseOpeningAPITests.opening(acknowledged: true),
                named: "case", files: complaint, token: avery)
            #expect(opened == .created)
            try await Task.sleep(for: .seconds(3))  // the national index learns of both within seconds
            clock.advance(by: 61)
            let mail = try await MailFiles.waitForMessage(
                to: "morgan.press@example.org", subject: "dismissals", in: config,
                timeout: .seconds(20))
            #expect(mail.lowercased().contains("motion to dismiss filed by plaintiff jane roe"), "\(mail)")
            // The daily party search has not come due yet; after a day it has.
            #expect(try MailFiles.count(to: "morgan.press@example.org", subject: "Acme Widgets", in: config) == 0)
            clock.advance(by: 24 * 3600)
            let cases = try await MailFiles.waitForMessage(
                to: "morgan.press@example.org", subject: "(party: Acme Widgets) has new cases", in: config,
                timeout: .seconds(20))
            #expect(cases.contains("Doe v. Acme Widgets LLC") && cases.contains("/cgi-bin/DktRpt.pl?"), "\(cases)")
            try await Task.sleep(for: .seconds(2))
            let roe = try MailFiles.count(to: "morgan.press@example.org", subject: "Roe", in: config)
            if roe > 0 {
                let mail = try await MailFiles.waitForMessage(
                    to: "morgan.press@example.org", subject: "(party: Roe)", in: config)
                Issue.record("a case known when the search was saved was mailed: \(mail)")
            }
            #expect(try MailFiles.count(to: "morgan.press@example.org", subject: "dismissals", in: config) == 1)
        }
    }

    @Test func badSearchesAreExplainedByFieldAndOnlyTheOwnerDeletes() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let bad = try await api.call(
                .post, "/api/v1/pacer/account/searches", token: press,
                body: ["name": "", "kind": "weather", "query": "x", "frequency": "hourly"])
            let fields = bad.json["fields"] as? [String: String] ?? [:]
            #expect(bad.status == .unprocessableContent && Set(fields.keys) == ["name", "kind", "frequency"])
            let short = try await api.call(
                .post, "/api/v1/pacer/account/searches", token: press,
                body: ["name": "x", "kind": "party", "query": "x", "frequency": "daily"])
            #expect((short.json["fields"] as? [String: String])?["query"]?.contains("two letters") == true)
            let made = try await api.call(
                .post, "/api/v1/pacer/account/searches", token: press,
                body: ["name": "mine", "kind": "text", "query": "order", "frequency": "daily"])
            let id = try #require(made.json["id"] as? String)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let notTheirs = try await api.call(.delete, "/api/v1/pacer/account/searches/\(id)", token: avery)
            #expect(notTheirs.status == .notFound)
            #expect(
                try await api.call(.delete, "/api/v1/pacer/account/searches/\(id)", token: press).status == .noContent)
            #expect(try await api.call(.get, "/api/v1/pacer/account/searches").status == .unauthorized)
        }
    }
}
