import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PACER fees: receipts, the quarterly statement, free viewers, fee-free courts and exemptions")
struct PublicAccessFeesTests {
    /// The demo's first public document in nysd's case 1 (the complaint), as the clerk lists it.
    static func complaint(_ api: CourtAPIClient, clerk: String) async throws -> (id: String, pages: Int) {
        let entries = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: clerk)
        let document = ((entries.json["entries"] as? [[String: Any]])?.first?["documents"] as? [[String: Any]])?.first
        return (document?["docId"] as? String ?? "none", document?["pages"] as? Int ?? 0)
    }

    static func download(
        _ client: some TestClientProtocol, _ document: String, token: String?, clientCode: String? = nil
    )
        async throws -> (status: HTTPResponse.Status, cents: Int?)
    {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let clientCode { headers[HTTPField.Name("X-Client-Code")!] = clientCode }
        return try await client.execute(uri: "/ecf/nysd/doc1/\(document)", method: .get, headers: headers) {
            ($0.status, $0.headers[HTTPField.Name("X-PACER-Cost-Cents")!].flatMap { Int($0) })
        }
    }

    /// Views bought at the same moment are written in the court together and reach the PSC's
    /// ledger together (one insert for the group, one for the pass): each one there, once, with
    /// its own client code.
    @Test func viewsBoughtAtOnceEachReachTheStatementOnce() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let complaint = try await Self.complaint(api, clerk: clerk)
            let views = 24
            let bought = try await withThrowingTaskGroup(of: Int?.self) { group in
                for index in 0..<views {
                    group.addTask {
                        let view = try await Self.download(client, complaint.id, token: press, clientCode: "M\(index)")
                        return view.status == .ok ? view.cents : nil
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(bought.count == views && bought.allSatisfy { $0 == min(complaint.pages, 30) * 10 })
            var charges: [[String: Any]] = []
            for _ in 0..<100 {
                let statement = try await api.call(.get, "/api/v1/pacer/account/billing?limit=100", token: press)
                charges = statement.json["charges"] as? [[String: Any]] ?? []
                if charges.count >= views { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let codes = charges.compactMap { $0["clientCode"] as? String }
            #expect(codes.count == views && Set(codes) == Set((0..<views).map { "M\($0)" }))
        }
    }

    @Test func aBoughtDocumentReachesTheQuartersStatementWithItsClientCodeAndIsWaivedUnderThirtyDollars()
        async throws
    {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let complaint = try await Self.complaint(api, clerk: clerk)
            let bought = try await Self.download(client, complaint.id, token: press, clientCode: "Matter 42")
            #expect(bought.status == .ok && bought.cents == min(complaint.pages, 30) * 10)

            var statement: [String: Any] = [:]
            for _ in 0..<50 {
                statement = try await api.call(.get, "/api/v1/pacer/account/billing", token: press).json
                if (statement["charges"] as? [Any])?.isEmpty == false { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let charges = statement["charges"] as? [[String: Any]] ?? []
            #expect(charges.count == 1, "the view reaches the PSC's ledger through the court's outbox")
            #expect(charges.first?["description"] as? String == "Image 1")
            #expect(charges.first?["court"] as? String == "nysd")
            #expect(charges.first?["clientCode"] as? String == "Matter 42")
            #expect((charges.first?["cost"] as? [String: Any])?["cents"] as? Int == bought.cents)
            #expect((statement["total"] as? [String: Any])?["cents"] as? Int == bought.cents)
            #expect((statement["billed"] as? [String: Any])?["cents"] as? Int == 0)
            #expect(statement["waived"] as? Bool == true)
            #expect((statement["quarter"] as? String)?.contains("Q") == true)

            let past = try await api.call(.get, "/api/v1/pacer/account/billing?quarter=2000Q1", token: press)
            #expect((past.json["charges"] as? [Any])?.isEmpty == true)
            let bad = try await api.call(.get, "/api/v1/pacer/account/billing?quarter=2026Q5", token: press)
            #expect(bad.status == .unprocessableContent)
            #expect(try await api.call(.get, "/api/v1/pacer/account/billing").status == .unauthorized)

            // A search that finds nothing costs one page.
            let none = try await api.call(.get, "/api/v1/courts/nysd/cases?party=zzyzx", token: press)
            // Two charges now: one page of one, then the next, and the totals of both on each.
            var seen = 0
            for _ in 0..<50 {
                let first = try await api.call(.get, "/api/v1/pacer/account/billing?limit=1", token: press).json
                if let cursor = first["nextCursor"] as? String {
                    #expect((first["charges"] as? [Any])?.count == 1)
                    let second = try await api.call(
                        .get, "/api/v1/pacer/account/billing?limit=1&cursor=\(cursor)", token: press
                    ).json
                    #expect(
                        second["nextCursor"] == nil
                            && (second["charges"] as? [[String: Any]])?.first?["description"] as? String == "Search")
                    #expect((second["total"] as? [String: Any])?["cents"] as? Int == (bought.cents ?? 0) + 10)
                    seen = 2
                    break
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(seen == 2, "the search's charge reaches the ledger and pages after the document's")
            #expect((none.json["receipt"] as? [String: Any])?["billablePages"] as? Int == 1)
            #expect(((none.json["receipt"] as? [String: Any])?["cost"] as? [String: Any])?["cents"] as? Int == 10)
        }
    }

    /// The client code the billing page sets (a cookie) is on a docket report's receipt, read from
    /// the cookies the page's request read once, beside the sign-in and CSRF cookies.
    @Test func theClientCodeCookieIsOnADocketReportsReceipt() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let cookies =
                "openecf_csrf=\(String(repeating: "c", count: 43)); openecf_cso=\(press); "
                + "openecf_client_code=Matter%2042"
            try await client.execute(
                uri: "/ecf/nysd/cgi-bin/DktRpt.pl?1", method: .get, headers: [.cookie: cookies]
            ) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<th scope=\"row\">Client Code:</th><td>Matter 42</td>"))
                #expect(html.contains("Sign out"), "signed in through the same cookies")
            }
        }
    }

    @Test func theCasesOwnAttorneyAndTheCourtViewFreeAndSayWhy() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let avery = try await api.linkedAvery()
            let complaint = try await Self.complaint(api, clerk: clerk)
            #expect(try await Self.download(client, complaint.id, token: avery).cents == 0)
            #expect(try await Self.download(client, complaint.id, token: clerk).cents == 0)
            let docket = try await api.call(.get, "/api/v1/courts/nysd/cases/1/docket", token: avery)
            let receipt = docket.json["receipt"] as? [String: Any] ?? [:]
            #expect(receipt["freeBecause"] as? String == "caseParticipant")
            #expect((receipt["cost"] as? [String: Any])?["cents"] as? Int == 0)
        }
    }

    @Test func aFeeFreeCourtShowsNoReceiptsAndAnExemptAccountViewsFree() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let complaint = try await Self.complaint(api, clerk: clerk)
            let settings = try await api.call(.get, "/api/v1/courts/nysd/settings").json
            #expect(settings["feeFree"] as? Bool == false)
            var chosen = settings
            chosen["feeFree"] = true
            let feeFree = try await api.call(.put, "/api/v1/courts/nysd/settings", token: clerk, body: chosen)
            #expect(feeFree.status == .ok && feeFree.json["feeFree"] as? Bool == true)
            let anonymous = try await api.call(.get, "/api/v1/courts/nysd/cases/1/docket")
            #expect(anonymous.status == .ok && anonymous.json["receipt"] == nil)
            let free = try await Self.download(client, complaint.id, token: nil)
            #expect(free.status == .ok && free.cents == nil)
            chosen["feeFree"] = false
            _ = try await api.call(.put, "/api/v1/courts/nysd/settings", token: clerk, body: chosen)
            #expect(try await api.call(.get, "/api/v1/courts/nysd/cases/1/docket").status == .unauthorized)

            let exemption = ["username": "demo-press", "reason": "Pro bono counsel appointed in 2:26-cv-00001"]
            let refused = try await api.call(.post, "/api/v1/courts/nysd/fee-exemptions", token: press, body: exemption)
            #expect(refused.status == .forbidden)
            let unknown = try await api.call(
                .post, "/api/v1/courts/nysd/fee-exemptions", token: clerk,
                body: ["username": "nobody-here", "reason": "x"])
            #expect(unknown.status == .notFound)
            let granted = try await api.call(.post, "/api/v1/courts/nysd/fee-exemptions", token: clerk, body: exemption)
            #expect(granted.status == .noContent)
            let exempt = try await api.call(.get, "/api/v1/courts/nysd/cases/1/docket", token: press)
            #expect((exempt.json["receipt"] as? [String: Any])?["freeBecause"] as? String == "exemption")
            #expect(try await Self.download(client, complaint.id, token: press).cents == 0)
            let cacd = try await api.call(.get, "/api/v1/courts/cacd/cases/1/docket", token: press)
            #expect(
                ((cacd.json["receipt"] as? [String: Any])?["cost"] as? [String: Any])?["cents"] as? Int ?? 0 > 0,
                "an exemption holds in its own court only")
            let revoked = try await api.call(.delete, "/api/v1/courts/nysd/fee-exemptions/demo-press", token: clerk)
            #expect(revoked.status == .noContent)
            #expect(try await Self.download(client, complaint.id, token: press).cents ?? 0 > 0)
        }
    }
}
