import ECFApp
import ECFDomain
import ECFPersistence
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Notices of Electronic Filing: who is served, once, with a free look each")
struct ElectronicServiceTests {
    static let press = (username: "demo-press", password: "ink and paper every single day")

    /// Avery's party in an nysd case.
    static func averysParty(_ api: CourtAPIClient, token: String, caseID: Int) async throws -> String {
        let courtCase = try await api.call(.get, "/api/v1/courts/nysd/cases/\(caseID)", token: token)
        let parties = courtCase.json["parties"] as? [[String: Any]] ?? []
        let mine = parties.first { party in
            ((party["attorneys"] as? [[String: Any]]) ?? []).contains { $0["login"] as? String == "avery-attorney" }
        }
        return try #require(mine?["partyId"] as? String)
    }

    /// Files a motion for Avery's party, with an exhibit.
    static func fileMotion(_ client: some TestClientProtocol, token: String, caseID: Int, party: String) async throws
        -> [String: Any]
    {
        let (body, type) = FilingAPITests.multipart(
            filing: [
                "event": "motionToDismiss", "filers": [party],
                "attachments": [["description": "Exhibit A"]],
            ],
            files: [
                ("document", "motion.pdf", FilingAPITests.pdf(["MOTION TO DISMISS"])),
                ("attachment1", "exhibit-a.pdf", FilingAPITests.pdf(["EXHIBIT A"])),
            ])
        return try await client.execute(
            uri: "/api/v1/courts/nysd/cases/\(caseID)/filings", method: .post,
            headers: [.contentType: type, .authorization: "Bearer \(token)"], body: body
        ) { response in
            #expect(response.status == .created, "\(String(buffer: response.body))")
            return AccountAPITests.decode(response)
        }
    }

    @Test func everyEntitledRecipientIsServedOnceWithItsOwnFreeLook() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let press = try await api.pacer(Self.press.username, Self.press.password)
            let subscribed = try await api.call(.post, "/api/v1/courts/nysd/cases/2/subscriptions", token: press)
            #expect(subscribed.status == .created)
            #expect(try await api.call(.post, "/api/v1/courts/nysd/cases/2/subscriptions", token: press).status == .ok)
            let lawyer = try await api.call(.post, "/api/v1/courts/nysd/cases/2/subscriptions", token: avery)
            #expect(lawyer.status == .forbidden && lawyer.error == "not_media_account")

            let receipt = try await Self.fileMotion(
                client, token: avery, caseID: 2, party: try await Self.averysParty(api, token: avery, caseID: 2))
            #expect(receipt["entryNumber"] as? Int == 4)
            let subject = "Northwind Shipping Co. v. Bluewater Logistics, Inc. Motion to Dismiss"
            let toAvery = try await MailFiles.waitForMessage(
                to: "avery.attorney@example.org", subject: subject, in: config
            ).replacingOccurrences(of: "\r\n", with: "\n")
            #expect(toAvery.contains("Cc: avery.docketing@example.org, avery.paralegal@example.org"))
            #expect(toAvery.contains("Subject: Activity in Case 2:"))
            #expect(toAvery.contains("Document Number: 4"))
            #expect(
                toAvery.contains(
                    "Notice has been electronically mailed to:\nLee Jordan\nlee.jordan@example.org\nAvery Attorney\navery.attorney@example.org, avery.docketing@example.org, avery.paralegal@example.org\nMorgan Media\nmorgan.media@example.org"
                ), "\(toAvery)")
            let toLee = try await MailFiles.waitForMessage(to: "lee.jordan@example.org", subject: subject, in: config)
            _ = try await MailFiles.waitForMessage(to: "morgan.media@example.org", subject: subject, in: config)
            try await Task.sleep(for: .milliseconds(500))
            for address in ["avery.attorney@example.org", "lee.jordan@example.org", "morgan.media@example.org"] {
                #expect(try MailFiles.count(to: address, subject: subject, in: config) == 1, "\(address)")
            }
            let averyMagic = MailFiles.linkParameter("magic_num", in: toAvery)
            let leeMagic = try #require(MailFiles.linkParameter("magic_num", in: toLee))
            #expect(averyMagic != leeMagic)
            let link = try #require(MailFiles.documentLink(in: toLee))
            let document = try #require(link.range(of: "/doc1/").map { String(link[$0.upperBound...].prefix(12)) })
            let first = try await client.execute(uri: link, method: .get) { $0.status }
            #expect(first == .ok, "the free look opens the document without a sign-in")
            let second = try await client.execute(uri: link, method: .get) { $0 }
            #expect(second.status == .seeOther)
            #expect(second.headers[.location]?.hasPrefix("/pacer/login?next=/ecf/nysd/doc1/\(document)") == true)

            let list = try await api.call(.get, "/api/v1/courts/nysd/cases/2/service-list", token: avery)
            let names = (list.json["electronic"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["Lee Jordan", "Avery Attorney", "Morgan Media"])
            #expect((list.json["otherMeans"] as? [String]) == ["Sam Rivera"])
            #expect(try await api.call(.get, "/api/v1/courts/nysd/cases/2/service-list").status == .forbidden)
        }
    }

    @Test func aSealedEntryGoesToTheCourtAloneAndADailySummaryReplacesTheNotices() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let press = try await api.pacer(Self.press.username, Self.press.password)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            #expect(
                try await api.call(.post, "/api/v1/courts/nysd/cases/1/subscriptions", token: press).status == .created)
            let jane = try await Self.averysParty(api, token: avery, caseID: 1)

            // Sealed: the clerk's office alone is served; neither the press nor the other side.
            _ = try await api.call(
                .put, "/api/v1/courts/nysd/cases/1/restriction", token: clerk, body: ["restriction": "sealed"])
            _ = try await Self.fileMotion(client, token: avery, caseID: 1, party: jane)
            let sealedSubject = "Roe v. Bolt Fasteners, Inc. Motion to Dismiss"
            _ = try await MailFiles.waitForMessage(to: "casey.clerk@example.org", subject: sealedSubject, in: config)
            try await Task.sleep(for: .milliseconds(500))
            #expect(try MailFiles.count(to: "morgan.media@example.org", subject: sealedSubject, in: config) == 0)
            #expect(try MailFiles.count(to: "avery.attorney@example.org", subject: sealedSubject, in: config) == 0)

            // Public again; Avery chose one summary a day: the press gets the notice, Avery the summary.
            _ = try await api.call(
                .put, "/api/v1/courts/nysd/cases/1/restriction", token: clerk, body: ["restriction": "public"])
            let chosen = try await api.call(
                .put, "/api/v1/courts/nysd/notice-delivery", token: avery, body: ["delivery": "dailySummary"])
            #expect(chosen.status == .ok && chosen.json["delivery"] as? String == "dailySummary")
            #expect(
                try await api.call(
                    .put, "/api/v1/courts/nysd/notice-delivery", token: avery, body: ["delivery": "weekly"]
                ).status == .unprocessableContent)
            _ = try await Self.fileMotion(client, token: avery, caseID: 1, party: jane)
            let toPress = try await MailFiles.waitForMessage(
                to: "morgan.media@example.org", subject: sealedSubject, in: config)
            #expect(try MailFiles.count(to: "avery.attorney@example.org", subject: sealedSubject, in: config) == 0)
            let settings = try await api.call(
                .put, "/api/v1/courts/nysd/settings", token: clerk,
                body: ["maxFileMegabytes": 35, "scannedPDFs": "refuse", "summaryTime": "00:00"])
            #expect(settings.status == .ok)
            let summary = try await MailFiles.waitForMessage(
                to: "avery.attorney@example.org", subject: "Daily Summary Report", in: config)
            #expect(summary.contains("Roe v. Bolt Fasteners, Inc.") && summary.contains("MOTION to Dismiss"))
            try await Task.sleep(for: .milliseconds(1500))
            #expect(
                try MailFiles.count(to: "avery.attorney@example.org", subject: "Daily Summary Report", in: config) == 1)

            // Sixteen days later the press's free look has lapsed: the link asks for a sign-in.
            clock.advance(by: 16 * 86400)
            let magic = try #require(MailFiles.linkParameter("magic_num", in: toPress))
            let document = try #require(
                toPress.range(of: "/doc1/").map { String(toPress[$0.upperBound...].prefix(12)) })
            let late = try await client.execute(uri: "/ecf/nysd/doc1/\(document)?magic_num=\(magic)", method: .get) {
                $0.status
            }
            #expect(late == .seeOther)
        }
    }

    /// The notices of one filing store what they have in common once: each message holds its
    /// recipient's own link, and goes out whole.
    @Test func aFilingsNoticesStoreTheirCommonBodyOnce() async throws {
        let config = TestApp.config()
        let subject = "Northwind Shipping Co. v. Bluewater Logistics, Inc. Motion to Dismiss"
        try await TestApp.build(config).test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            _ = try await Self.fileMotion(
                client, token: avery, caseID: 2, party: try await Self.averysParty(api, token: avery, caseID: 2))
            for address in ["avery.attorney@example.org", "lee.jordan@example.org"] {
                let notice = try await MailFiles.waitForMessage(to: address, subject: subject, in: config)
                    .replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "\r\n", with: "\n")
                #expect(notice.contains("Case Name: Northwind Shipping Co."), "the shared head, \(address)")
                #expect(notice.contains("Open this URL to view the document:"), "its own part, \(address)")
                #expect(notice.contains("Notice has been electronically mailed to:"), "the shared tail, \(address)")
            }
        }
        let composition = try await Composition.open(
            config, logger: TestApp.logger, hasher: BcryptPasswordHasher(cost: 4))
        let database = try await composition.databases.court(CourtID("nysd"))
        let notices = try await SQLOutboxStore(database: database).all().filter {
            (try? $0.decodedMail().subject.contains("Motion to Dismiss")) == true
        }
        #expect(notices.count == 2, "Lee Jordan and Avery Attorney")
        let shared = Set(try notices.map { try $0.decodedMail().sharedBody })
        #expect(shared.count == 1 && shared.first! != nil, "one body for the filing's notices")
        #expect(notices.allSatisfy { $0.payload.count < 2_000 }, "each message holds its own part alone")
        let sql = try #require(database as? any SQLDatabase)
        let bodies = try await sql.raw("SELECT text_tail FROM outbox_shared_bodies").all()
        #expect(bodies.count == 1)
        #expect(try bodies.first?.decode(column: "text_tail", as: String.self).contains("Lee Jordan") == true)
        await composition.close()
    }
}
