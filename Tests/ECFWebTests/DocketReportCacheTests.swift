import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("A docket report kept from an earlier one is never older than the docket")
struct DocketReportCacheTests {
    /// The entries' table of an HTML docket report.
    static func entriesTable(_ html: String) -> String {
        guard let header = html.range(of: "Docket Text"),
            let end = html.range(of: "</table>", range: header.upperBound..<html.endIndex)
        else { return "" }
        return String(html[header.lowerBound..<end.upperBound])
    }

    @Test func everyChangeShowsInTheNextReportForEachViewerAndBillingFollowsTheBytes() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            func html(_ token: String) async throws -> String {
                try await client.execute(
                    uri: "/ecf/nysd/cgi-bin/DktRpt.pl?2", method: .get, headers: [.cookie: "openecf_cso=\(token)"]
                ) { String(buffer: $0.body) }
            }
            func json(_ token: String) async throws -> (entries: [String], pages: Int?) {
                let answer = try await api.call(.get, "/api/v1/courts/nysd/cases/2/docket", token: token)
                let entries = (answer.json["entries"] as? [[String: Any]] ?? []).compactMap {
                    $0["docketText"] as? String
                }
                return (entries, (answer.json["receipt"] as? [String: Any])?["billablePages"] as? Int)
            }
            let first = Self.entriesTable(try await html(press))
            #expect(first.contains("ANSWER to Complaint"))
            #expect(Self.entriesTable(try await html(press)) == first)
            let firstJSON = try await json(press)
            let againJSON = try await json(press)
            #expect(firstJSON.entries == againJSON.entries && firstJSON.entries.contains { $0.hasPrefix("ANSWER") })
            #expect(firstJSON.pages != nil && firstJSON.pages == againJSON.pages, "the same report billed differently")

            let corrected = try await api.call(
                .patch, "/api/v1/courts/nysd/cases/2/entries/3", token: clerk,
                body: ["docketText": "ANSWER to Complaint, as corrected by the clerk."])
            #expect(corrected.status == .ok)
            #expect(Self.entriesTable(try await html(press)).contains("as corrected by the clerk"))
            #expect(try await json(press).entries.contains { $0.contains("as corrected by the clerk") })

            let stricken = try await api.call(.post, "/api/v1/courts/nysd/cases/2/entries/3/strike", token: clerk)
            #expect(stricken.status == .ok)
            #expect(Self.entriesTable(try await html(press)).contains("STRICKEN. ANSWER to Complaint"))

            // Sealed: the clerk's report (read first, and kept) has it; the press's never again.
            let sealed = try await api.call(
                .put, "/api/v1/courts/nysd/cases/2/entries/3/restriction", token: clerk,
                body: ["restriction": "sealed"])
            #expect(sealed.status == .ok)
            #expect(Self.entriesTable(try await html(clerk)).contains("ANSWER to Complaint"))
            let afterSealing = Self.entriesTable(try await html(press))
            #expect(!afterSealing.contains("ANSWER to Complaint") && afterSealing.contains("COMPLAINT"))
            #expect(!(try await json(press).entries.contains { $0.contains("ANSWER to Complaint") }))
            let smaller = try await json(press)
            #expect(smaller.pages != nil && smaller.pages! <= firstJSON.pages!)
        }
    }
}
