import ECFApp
import ECFDomain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Cases and their entries through the API")
struct CaseAPITests {
    @Test func theDemoCaseShowsEachViewerWhatItMaySee() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let anonymous = try await api.call(.get, "/api/v1/courts/nysd/cases/1")
            #expect(anonymous.status == .unauthorized && anonymous.error == "not_signed_in")
            #expect((anonymous.json["message"] as? String)?.contains("Sign in with your PACER account") == true)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let courtCase = try await api.call(.get, "/api/v1/courts/nysd/cases/1", token: press)
            #expect(courtCase.status == .ok)
            let receipt = courtCase.json["receipt"] as? [String: Any] ?? [:]
            #expect(receipt["description"] as? String == "Case Query" && receipt["username"] as? String == "demo-press")
            #expect(
                (receipt["cost"] as? [String: Any])?["cents"] as? Int == 10 * (receipt["billablePages"] as? Int ?? -1))
            #expect((courtCase.json["caseNumber"] as? String)?.hasPrefix("2:") == true)
            #expect(courtCase.json["title"] as? String == "Roe v. Bolt Fasteners, Inc.")
            #expect(courtCase.json["natureOfSuit"] as? String == "442 Civil Rights: Jobs")
            let parties = courtCase.json["parties"] as? [[String: Any]] ?? []
            #expect(parties.map { $0["name"] as? String } == ["Jane Roe", "Bolt Fasteners, Inc."])
            let attorneys = parties.first?["attorneys"] as? [[String: Any]] ?? []
            #expect(attorneys.first?["roles"] as? [String] == ["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"])

            let outsider = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: press)
            let publicEntries = outsider.json["entries"] as? [[String: Any]] ?? []
            #expect(publicEntries.map { $0["entryNumber"] as? Int } == [1, 2, nil])
            #expect(!publicEntries.contains { ($0["docketText"] as? String)?.contains("SEALED") == true })
            let motion = publicEntries[1]
            #expect(
                (motion["docketText"] as? String)?.hasSuffix("(Attachments: # 1 Exhibit A) (Attorney, Avery)") == true)
            let documents = motion["documents"] as? [[String: Any]] ?? []
            #expect(documents.count == 2 && (documents.first?["docId"] as? String)?.hasPrefix("1270") == true)

            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let court = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: clerk)
            let courtEntries = court.json["entries"] as? [[String: Any]] ?? []
            #expect(courtEntries.count == 4)
            #expect((court.json["receipt"] as? [String: Any])?["freeBecause"] as? String == "courtUser")
            #expect(courtEntries.last?["restriction"] as? String == "sealed")

            #expect(try await api.call(.get, "/api/v1/courts/nysd/cases/999").status == .notFound)
            #expect(try await api.call(.get, "/api/v1/courts/nysd/cases/abc").status == .notFound)
        }
    }

    @Test func aSealedDocumentIsTheCourtsAloneAndEachViewIsAudited() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let entries = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: clerk)
            let all = entries.json["entries"] as? [[String: Any]] ?? []
            func docID(_ entry: [String: Any]?) -> String {
                ((entry?["documents"] as? [[String: Any]])?.first?["docId"] as? String) ?? "none"
            }
            let publicDoc = docID(all.first)
            let sealedDoc = docID(all.last)
            try await client.execute(uri: "/ecf/nysd/doc1/\(publicDoc)", method: .get) { response in
                #expect(response.status == .seeOther, "a billable document asks for a PACER sign-in")
                #expect(response.headers[.location] == "/pacer/login?next=/ecf/nysd/doc1/\(publicDoc)")
            }
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            try await client.execute(
                uri: "/ecf/nysd/doc1/\(publicDoc)", method: .get, headers: [.authorization: "Bearer \(press)"]
            ) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body).hasPrefix("%PDF-"))
                #expect(response.headers[HTTPField.Name("X-PACER-Cost-Cents")!].flatMap { Int($0) } ?? 0 > 0)
            }
            try await client.execute(uri: "/ecf/nysd/doc1/\(sealedDoc)", method: .get) { response in
                #expect(response.status == .notFound, "the public does not learn that it exists")
            }
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let linked = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(linked.status == .created)
            try await client.execute(
                uri: "/ecf/nysd/doc1/\(sealedDoc)", method: .get, headers: [.authorization: "Bearer \(avery)"]
            ) { response in
                #expect(response.status == .notFound, "nor does the attorney of record: a sealed order is the court's")
            }
            try await client.execute(
                uri: "/ecf/nysd/doc1/\(sealedDoc)", method: .get, headers: [.authorization: "Bearer \(clerk)"]
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/ecf/nysd/clerk", method: .get, headers: [.cookie: "openecf_cso=\(clerk)"]) {
                response in
                let html = String(buffer: response.body)
                #expect(html.contains("restrictedDocumentViewed") && html.contains("pacer:demo-clerk"))
                #expect(html.contains(sealedDoc))
            }
            #expect(try await api.call(.get, "/ecf/nysd/doc1/999999999999").status == .notFound)
        }
    }

    @Test func theClerkCorrectsStrikesAndSealsButNeverDeletes() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let base = "/api/v1/courts/nysd/cases/1"
            let notClerk = try await api.call(.post, "\(base)/entries/2/strike", token: avery)
            #expect(notClerk.status == .forbidden && notClerk.error == "not_clerk")
            let empty = try await api.call(.patch, "\(base)/entries/2", token: clerk, body: ["docketText": " "])
            #expect(empty.status == .unprocessableContent)
            let edited = try await api.call(
                .patch, "\(base)/entries/2", token: clerk,
                body: ["docketText": "MOTION for Extension of Time (corrected)."])
            let second = (edited.json["entries"] as? [[String: Any]])?[1]
            #expect(second?["docketText"] as? String == "MOTION for Extension of Time (corrected).")
            #expect(second?["modifiedAt"] as? String != nil)
            _ = try await api.call(.post, "\(base)/entries/2/strike", token: clerk)
            let sealedEntry = try await api.call(
                .put, "\(base)/entries/1/restriction", token: clerk, body: ["restriction": "sealed"])
            #expect(sealedEntry.status == .ok)
            let badLevel = try await api.call(
                .put, "\(base)/restriction", token: clerk, body: ["restriction": "secret"])
            #expect(badLevel.status == .unprocessableContent)

            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let outsider = try await api.call(.get, "\(base)/entries", token: press)
            let shown = outsider.json["entries"] as? [[String: Any]] ?? []
            #expect(
                shown.map { $0["seq"] as? Int } == [2, 3], "the sealed complaint is hidden; the struck motion stays")
            #expect(shown.first?["stricken"] as? Bool == true)

            _ = try await api.call(.put, "\(base)/restriction", token: clerk, body: ["restriction": "sealed"])
            #expect(try await api.call(.get, base).status == .notFound, "a sealed case is the court's alone")
            #expect(try await api.call(.get, base, token: clerk).status == .ok)
            #expect(
                try await api.call(.patch, "\(base)/entries/99", token: clerk, body: ["docketText": "x"]).status
                    == .notFound)
        }
    }

    @Test func theClerkRestrictsOneExhibitWhileItsMotionStaysPublic() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let avery = try await api.linkedAvery()
            let base = "/api/v1/courts/nysd/cases/1"
            func documents(of seq: Int, token: String?) async throws -> [String] {
                let entries = try await api.call(.get, "\(base)/entries", token: token).json["entries"]
                let entry = (entries as? [[String: Any]])?.first { $0["seq"] as? Int == seq }
                return (entry?["documents"] as? [[String: Any]])?.compactMap { $0["docId"] as? String } ?? []
            }
            let both = try await documents(of: 2, token: clerk)
            #expect(both.count == 2)
            let exhibit = try #require(both.last)
            let refused = try await api.call(
                .put, "\(base)/documents/\(exhibit)/restriction", token: avery, body: ["restriction": "sealed"])
            #expect(refused.status == .forbidden)
            let unknown = try await api.call(
                .put, "\(base)/documents/127099999999/restriction", token: clerk,
                body: ["restriction": "caseParticipants"])
            #expect(unknown.status == .notFound)
            let restricted = try await api.call(
                .put, "\(base)/documents/\(exhibit)/restriction", token: clerk,
                body: ["restriction": "caseParticipants"])
            #expect(restricted.status == .ok)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            #expect(try await documents(of: 2, token: press) == [both[0]], "the public sees the motion only")
            #expect(try await documents(of: 2, token: avery) == both, "a participant sees both")
            let download = try await client.execute(uri: "/ecf/nysd/doc1/\(exhibit)", method: .get) { $0.status }
            #expect(download == .notFound)
        }
    }

    @Test func entriesComeAPageAtATimeFromTheCursor() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let all = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: clerk)
            let seqs = (all.json["entries"] as? [[String: Any]] ?? []).compactMap { $0["seq"] as? Int }
            #expect(seqs.count >= 3 && all.json["nextCursor"] == nil, "a short docket is one page")
            let rest = try await api.call(
                .get, "/api/v1/courts/nysd/cases/1/entries?cursor=\(CursorText.encode(String(seqs[1])))", token: clerk)
            #expect(
                (rest.json["entries"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } == Array(seqs.dropFirst(2))
            )
            #expect(rest.json["receipt"] != nil)
            let bad = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries?cursor=zz~", token: clerk)
            #expect(bad.status == .unprocessableContent && (bad.json["fields"] as? [String: String])?["cursor"] != nil)
        }
    }
}
