import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The clerk terminates a party; the docket marks it")
struct PartyTerminationTests {
    @Test func aTerminatedPartyStaysOnTheDocketMarkedWithItsDate() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let avery = try await api.linkedAvery()
            let before = try await api.call(.get, "/api/v1/courts/nysd/cases/2", token: clerk)
            let parties = before.json["parties"] as? [[String: Any]] ?? []
            let rivera = try #require(parties.first { $0["name"] as? String == "Sam Rivera" })
            let id = try #require(rivera["partyId"] as? String)
            let filed = try #require(before.json["dateFiled"] as? String)
            let path = "/api/v1/courts/nysd/cases/2/parties/\(id)/termination"

            let byAttorney = try await api.call(.put, path, token: avery, body: ["dateTerminated": filed])
            #expect(byAttorney.status == .forbidden)
            let early = try await api.call(.put, path, token: clerk, body: ["dateTerminated": "2001-01-01"])
            #expect(early.status == .unprocessableContent)
            #expect((early.json["fields"] as? [String: String])?["dateTerminated"]?.contains("before the case") == true)
            let garbled = try await api.call(.put, path, token: clerk, body: ["dateTerminated": "yesterday"])
            #expect(garbled.status == .unprocessableContent)
            let nobody = try await api.call(
                .put, "/api/v1/courts/nysd/cases/2/parties/999999/termination", token: clerk,
                body: ["dateTerminated": filed])
            #expect(nobody.status == .notFound)

            let done = try await api.call(.put, path, token: clerk, body: ["dateTerminated": filed])
            #expect(done.status == .noContent)
            let after = try await api.call(.get, "/api/v1/courts/nysd/cases/2", token: clerk)
            let marked = (after.json["parties"] as? [[String: Any]] ?? []).first { $0["partyId"] as? String == id }
            #expect(marked?["dateTerminated"] as? String == filed)
            let html = try await client.execute(
                uri: "/ecf/nysd/cgi-bin/DktRpt.pl?2", method: .get, headers: [.cookie: "openecf_cso=\(clerk)"]
            ) { String(buffer: $0.body) }
            let parts = filed.split(separator: "-")
            #expect(html.contains("<b>Sam Rivera</b><br><i>TERMINATED: \(parts[1])/\(parts[2])/\(parts[0])</i>"))

            let undone = try await api.call(.put, path, token: clerk, body: ["dateTerminated": NSNull()])
            #expect(undone.status == .noContent)
            let restored = try await api.call(.get, "/api/v1/courts/nysd/cases/2", token: clerk)
            #expect(
                (restored.json["parties"] as? [[String: Any]] ?? []).first { $0["partyId"] as? String == id }?[
                    "dateTerminated"] == nil)
        }
    }
}
