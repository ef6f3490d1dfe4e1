import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The written opinions report")
struct OpinionsReportTests {
    @Test func anOpinionIsListedAndFreeToEveryoneWithoutSigningIn() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let pages = Array(repeating: "The motion is denied for the reasons that follow.", count: 3)
            let (status, filed) = try await CaseOpeningAPITests.send(
                client, "/api/v1/courts/nysd/cases/2/filings",
                json: [
                    "event": "memorandumOpinion", "filers": [], "attachments": [],
                    "docketText": "MEMORANDUM OPINION AND ORDER denying the motion to dismiss.",
                    "redactionAcknowledged": true,
                ], named: "filing",
                files: [("document", "opinion.pdf", FilingAPITests.pdf(["MEMORANDUM OPINION"] + pages))], token: clerk)
            #expect(status == .created, "\(filed)")

            let report = try await api.call(.get, "/api/v1/courts/nysd/opinions")
            #expect(report.status == .ok, "no sign-in needed")
            let opinions = report.json["opinions"] as? [[String: Any]] ?? []
            #expect(opinions.count == 1)
            #expect((opinions.first?["docketText"] as? String)?.contains("MEMORANDUM OPINION AND ORDER") == true)
            let document = try #require(opinions.first?["docId"] as? String)
            try await client.execute(uri: "/ecf/nysd/doc1/\(document)", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
                #expect(response.headers[HTTPField.Name("X-PACER-Cost-Cents")!] == "0")
            }
            try await client.execute(uri: "/ecf/nysd/cgi-bin/WrtOpRpt.pl", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("1 written opinion from"))
                #expect(html.contains("/ecf/nysd/doc1/\(document)"))
            }
            let before = try await api.call(.get, "/api/v1/courts/nysd/opinions?from=2000-01-01&to=2000-12-31")
            #expect((before.json["opinions"] as? [Any])?.isEmpty == true)
            let bad = try await api.call(.get, "/api/v1/courts/nysd/opinions?from=yesterday")
            #expect(bad.status == .unprocessableContent && (bad.json["fields"] as? [String: String])?["from"] != nil)
        }
    }

    @Test func opinionsComeAPageAtATimeNewestFirst() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            for number in 1...3 {
                let (status, filed) = try await CaseOpeningAPITests.send(
                    client, "/api/v1/courts/nysd/cases/2/filings",
                    json: [
                        "event": "memorandumOpinion", "filers": [], "attachments": [],
                        "docketText": "OPINION NUMBER \(number) on the motion.", "redactionAcknowledged": true,
                    ], named: "filing",
                    files: [("document", "opinion.pdf", FilingAPITests.pdf(["OPINION \(number)"]))], token: clerk)
                #expect(status == .created, "\(filed)")
            }
            func texts(_ answer: CourtAPIClient.Answer) -> [String] {
                (answer.json["opinions"] as? [[String: Any]] ?? []).compactMap { $0["docketText"] as? String }
                    .compactMap { text in (1...3).first { text.contains("OPINION NUMBER \($0)") }.map { "#\($0)" } }
            }
            let first = try await api.call(.get, "/api/v1/courts/nysd/opinions?limit=2")
            #expect(texts(first) == ["#3", "#2"])
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await api.call(.get, "/api/v1/courts/nysd/opinions?limit=2&cursor=\(cursor)")
            #expect(texts(second) == ["#1"])
            #expect(second.json["nextCursor"] == nil, "the last page has no next cursor")

            try await client.execute(uri: "/ecf/nysd/cgi-bin/WrtOpRpt.pl?limit=2", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("The newest 2 written opinions from"))
                #expect(html.contains("Older written opinions") && html.contains("cursor=\(cursor)"))
            }
            let bad = try await api.call(.get, "/api/v1/courts/nysd/opinions?cursor=not-a-page&limit=9000")
            let fields = bad.json["fields"] as? [String: String] ?? [:]
            #expect(bad.status == .unprocessableContent && fields["cursor"] != nil && fields["limit"] != nil)
        }
    }
}
