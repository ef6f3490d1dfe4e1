import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The free search of docket text, in a court and in every court")
struct DocketTextSearchAPITests {
    static func texts(_ answer: CourtAPIClient.Answer) -> [String] {
        (answer.json["results"] as? [[String: Any]] ?? []).map { hit in
            (hit["snippet"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined()
        }
    }

    @Test func aNewFilingIsFoundEverywhereWithinSecondsWithoutASignIn() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let complaint: [CaseOpeningAPITests.File] = [
                ("document", "complaint.pdf", FilingAPITests.pdf(["COMPLAINT", "Breach."]))
            ]
            let (status, opened) = try await CaseOpeningAPITests.send(
                client, "/api/v1/courts/nysd/cases", json: CaseOpeningAPITests.opening(), named: "case",
                files: complaint, token: avery)
            #expect(status == .created, "\(opened)")
            let court = try await api.call(.get, "/api/v1/courts/nysd/search?q=acme%20widg")
            #expect(court.status == .ok)
            let hit = try #require((court.json["results"] as? [[String: Any]])?.first)
            #expect(hit["court"] as? String == "nysd" && hit["entryNumber"] as? Int == 1)
            #expect(hit["caseTitle"] as? String == "Doe v. Acme Widgets LLC")
            let marked = (hit["snippet"] as? [[String: Any]] ?? []).filter { $0["match"] as? Bool == true }
            #expect(marked.compactMap { $0["text"] as? String } == ["Acme", "Widgets"])
            let started = ContinuousClock.now
            var national: [String] = []
            while national.isEmpty, ContinuousClock.now - started < .seconds(5) {
                national = Self.texts(try await api.call(.get, "/api/v1/pacer/search?q=acme%20widg&sort=date"))
                if national.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(national.count == 1, "the new complaint was not in the national search within 5 seconds")
            #expect(national.first?.hasPrefix("COMPLAINT") == true)
        }
    }

    @Test func badSearchesAreNamedInWordsAndThePageWorksWithoutScript() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let bad = try await api.call(.get, "/api/v1/pacer/search?q=%22%22&court=atlantis&sort=alphabetical")
            #expect(bad.status == .unprocessableContent)
            #expect(Set((bad.json["fields"] as? [String: String] ?? [:]).keys) == ["q", "court", "sort"])
            let courtBad = try await api.call(.get, "/api/v1/courts/nysd/search?q=motion&cursor=xyz")
            #expect(courtBad.status == .unprocessableContent)
            let (pageStatus, html) = try await client.execute(uri: "/ecf/nysd/search?q=", method: .get) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(pageStatus == .ok && html.contains("<form") && !html.contains("id=\"results\""))
            let (badStatus, badHTML) = try await client.execute(uri: "/pacer/search?q=%22%22", method: .get) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(badStatus == .unprocessableContent)
            #expect(badHTML.contains("Enter a word or a phrase in quotes to search the docket text for."))
            let found = try await client.execute(uri: "/ecf/nysd/search?q=motion+extension", method: .get) {
                String(buffer: $0.body)
            }
            #expect(found.contains("<mark>MOTION</mark> for <mark>Extension</mark>"))
            #expect(found.contains("href=\"/ecf/nysd/cgi-bin/DktRpt.pl?1\""))
        }
    }
}
