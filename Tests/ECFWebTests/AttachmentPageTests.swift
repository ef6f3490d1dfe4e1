import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The attachment page: an entry's documents, each opened on its own")
struct AttachmentPageTests {
    @Test func theDocketNumberOfAnEntryWithAttachmentsListsWhatTheViewerMaySee() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            // Demo case 1, entry 2: a motion with Exhibit A.
            let entries = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: clerk)
            let motion = try #require((entries.json["entries"] as? [[String: Any]])?.first { $0["seq"] as? Int == 2 })
            let documents = (motion["documents"] as? [[String: Any]] ?? []).compactMap { $0["docId"] as? String }
            #expect(documents.count == 2)
            let main = documents[0]
            // Documents are numbered from 10,000,001, above juriscraper's old-numbering thresholds.
            #expect(main.hasPrefix("1270") && Int(main.dropFirst(4))! > 10_000_000)
            let menu = String(main.prefix(3)) + "1" + String(main.dropFirst(4))
            func page(_ uri: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "openecf_cso=\(press)"]) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            let (_, docket) = try await page("/ecf/nysd/cgi-bin/DktRpt.pl?1")
            #expect(docket.contains("href=\"/ecf/nysd/doc1/\(menu)\""))
            let (status, html) = try await page("/ecf/nysd/doc1/\(menu)")
            #expect(status == .ok)
            #expect(html.contains("name=\"document_2_0\" value=\"\(main)-"))
            #expect(html.contains("name=\"document_2_1\" value=\"\(documents[1])-"))
            #expect(html.contains("<td>Exhibit A</td><td>2 pages</td>"))
            #expect(!html.contains("id=\"receipt\""), "the list of documents costs nothing")
            // A program asking for the list gets the main document itself.
            let pdf = try await client.execute(
                uri: "/ecf/nysd/doc1/\(menu)", method: .get, headers: [.authorization: "Bearer \(press)"]
            ) { ($0.status, $0.headers[.contentType]) }
            #expect(pdf.0 == .ok && pdf.1 == "application/pdf")

            // The exhibit sealed: the public's list has the motion alone, so the number opens it.
            let sealed = try await api.call(
                .put, "/api/v1/courts/nysd/cases/1/documents/\(documents[1])/restriction", token: clerk,
                body: ["restriction": "sealed"])
            #expect(sealed.status == .ok)
            let (_, alone) = try await page("/ecf/nysd/doc1/\(menu)")
            #expect(!alone.contains("Exhibit A") && alone.contains("To accept the charge"))
            let (_, after) = try await page("/ecf/nysd/cgi-bin/DktRpt.pl?1")
            #expect(after.contains("href=\"/ecf/nysd/doc1/\(main)\""))
            let (gone, _) = try await page("/ecf/nysd/doc1/127199999999")
            #expect(gone == .notFound)
        }
    }
}
