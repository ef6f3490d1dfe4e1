import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("A restricted entry appears nowhere the public looks")
struct RestrictedEverywhereTests {
    @Test func aSealedAnswerIsInNoResultForThePress() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let before = try await api.call(.get, "/api/v1/courts/nysd/cases/2/entries", token: clerk)
            let answer = (before.json["entries"] as? [[String: Any]] ?? []).first { $0["seq"] as? Int == 3 }
            let document = try #require((answer?["documents"] as? [[String: Any]])?.first?["docId"] as? String)
            #expect((answer?["docketText"] as? String)?.hasPrefix("ANSWER") == true)
            // Public until now: the national search of docket text has it within seconds.
            let national = "/api/v1/pacer/search?q=answer%20complaint&court=nysd"
            func nationalHits() async throws -> Int {
                (try await api.call(.get, national).json["results"] as? [Any] ?? []).count
            }
            var waited = ContinuousClock.now
            while try await nationalHits() == 0, ContinuousClock.now - waited < .seconds(5) {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(try await nationalHits() == 1, "the answer was not in the national search within 5 seconds")
            let sealed = try await api.call(
                .put, "/api/v1/courts/nysd/cases/2/entries/3/restriction", token: clerk,
                body: ["restriction": "sealed"])
            #expect(sealed.status == .ok)

            func page(_ uri: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "openecf_cso=\(press)"]) {
                    String(buffer: $0.body)
                }
            }
            for uri in [
                "/api/v1/courts/nysd/cases/2/entries", "/api/v1/courts/nysd/cases/2/docket",
                "/api/v1/courts/nysd/cases/2", "/api/v1/courts/nysd/search?q=answer",
            ] {
                let answer = try await api.call(.get, uri, token: press)
                #expect(answer.status == .ok)
                let text = String(data: try JSONSerialization.data(withJSONObject: answer.json), encoding: .utf8) ?? ""
                #expect(!text.contains("ANSWER to Complaint") && !text.contains(document), "\(uri)")
            }
            for uri in [
                "/ecf/nysd/cgi-bin/DktRpt.pl?2", "/ecf/nysd/cgi-bin/iquery.pl?2", "/ecf/nysd/cgi-bin/rss_outside.pl",
                "/ecf/nysd/cgi-bin/rss_outside.pl?caseid=2", "/ecf/nysd/cgi-bin/WrtOpRpt.pl",
                "/ecf/nysd/cgi-bin/iquery.pl?party=bluewater",
            ] {
                let html = try await page(uri)
                #expect(!html.contains("ANSWER to Complaint") && !html.contains(document), "\(uri)")
            }
            let download = try await client.execute(
                uri: "/ecf/nysd/doc1/\(document)", method: .get, headers: [.authorization: "Bearer \(press)"]
            ) { $0.status }
            #expect(download == .notFound)
            let courtSearch = try await page("/ecf/nysd/search?q=answer")
            #expect(courtSearch.contains("No docket entries match this search."))
            // The national search drops it within seconds of the sealing.
            waited = ContinuousClock.now
            while try await nationalHits() > 0, ContinuousClock.now - waited < .seconds(5) {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(try await nationalHits() == 0, "the sealed answer was still in the national search after 5 s")
            #expect(
                try await page("/pacer/search?q=answer&court=nysd").contains("No docket entries match this search."))
            let staff = try await api.call(.get, "/api/v1/courts/nysd/search?q=answer", token: clerk)
            #expect((staff.json["results"] as? [Any] ?? []).count == 1)
            // The clerk still sees it.
            let court = try await api.call(.get, "/api/v1/courts/nysd/cases/2/entries", token: clerk)
            #expect((court.json["entries"] as? [[String: Any]] ?? []).contains { $0["seq"] as? Int == 3 })
        }
    }
}
