import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Court pages")
struct CourtPagesTests {
    @Test func eachCourtPageSaysWhereTheCourtStandsInItsOwnWords() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(uri: "/ecf/cacd/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("Legacy CM/ECF") && html.contains("CM/ECF will be unavailable from"))
                #expect(html.contains("PST") || html.contains("PDT"), "said in the court's time zone")
                #expect(html.contains("/ecf/cacd/login"))
            }
            try await client.execute(uri: "/ecf/nysd/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(
                    html.contains("The court moved to NextGen CM/ECF on")
                        && (html.contains("EDT") || html.contains("EST")))
                #expect(!html.contains("/ecf/nysd/login\""), "no legacy sign-in on a NextGen court")
            }
            try await client.execute(uri: "/ecf/cadx/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("There is no court"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/ecf/cacd/\""))
            }
        }
    }

    @Test func theFirstPACERVisitToANextGenCourtLeadsToLinkingOnce() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let token = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let offered = try await client.execute(
                uri: "/ecf/nysd/", method: .get, headers: [.cookie: "openecf_cso=\(token)"]
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/ecf/nysd/link")
                return response.headers[values: .setCookie].first { $0.hasPrefix("openecf_link_offered_nysd=") }
            }
            let cookie = try #require(offered?.split(separator: ";").first)
            try await client.execute(
                uri: "/ecf/nysd/", method: .get, headers: [.cookie: "openecf_cso=\(token); \(cookie)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("No CM/ECF login of this court is linked"))
            }
            try await client.execute(
                uri: "/ecf/cacd/", method: .get, headers: [.cookie: "openecf_cso=\(token)"]
            ) { response in
                #expect(response.status == .ok, "a legacy court does not send anyone to linking")
            }
        }
    }

    @Test func clerkPagesAreForTheClerkOnly() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            try await client.execute(uri: "/ecf/nysd/clerk", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            try await client.execute(uri: "/ecf/nysd/clerk", method: .get, headers: [.cookie: "openecf_cso=\(avery)"]) {
                response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("Only the clerk"))
            }
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            try await client.execute(uri: "/ecf/nysd/clerk", method: .get, headers: [.cookie: "openecf_cso=\(clerk)"]) {
                response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("lee.jordan@example.org") && html.contains("id=\"linked-count\">2<"))
            }
        }
    }

    @Test func theEventCatalogIsListedByCategory() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let answer = try await CourtAPIClient(client: client).call(.get, "/api/v1/courts/nysd/events")
            #expect(answer.status == .ok)
            let categories = answer.json["categories"] as? [[String: Any]] ?? []
            #expect(categories.first?["label"] as? String == "Initial Pleadings and Service")
            let events = categories.flatMap { $0["events"] as? [[String: Any]] ?? [] }
            let complaint = events.first { $0["id"] as? String == "complaint" }
            #expect((complaint?["fee"] as? [String: Any])?["cents"] as? Int == 40_500)
            #expect(complaint?["opensCase"] as? Bool == true)
            #expect(
                try await CourtAPIClient(client: client).call(.get, "/api/v1/courts/cadx/events").status == .notFound)
        }
    }

    @Test func anUploadFormNeedsItsTokenAndAReviewBelongsToWhoeverMadeIt() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let csrf = String(repeating: "c", count: 43)
            let (body, type) = FilingAPITests.multipart(
                filing: [:], named: "ignored", files: [("document", "motion.pdf", FilingAPITests.pdf(["MOTION"]))])
            for (query, expected) in [
                ("", HTTPResponse.Status.forbidden), ("?csrfToken=\(csrf)", .unprocessableContent),
            ] {
                let status = try await client.execute(
                    uri: "/ecf/nysd/cases/1/file/review\(query)", method: .post,
                    headers: [.contentType: type, .cookie: "openecf_cso=\(avery); openecf_csrf=\(csrf)"], body: body
                ) { $0.status }
                // Without the token in the action URL the upload is refused; with it, the form
                // comes back asking for the event.
                #expect(status == expected)
            }
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let someoneElses = try await client.execute(
                uri: "/ecf/nysd/cases/1/file/submit", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded",
                    .cookie: "openecf_cso=\(clerk); openecf_csrf=\(csrf)",
                ],
                body: ByteBuffer(string: "csrfToken=\(csrf)&draft=0123456789abcdef0123456789abcdef")
            ) { $0.status }
            #expect(someoneElses == .notFound)
        }
    }
}
