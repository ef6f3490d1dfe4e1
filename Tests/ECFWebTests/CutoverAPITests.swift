import ECFApp
import ECFServices
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The cutover plan, the blackout and the notices through the API")
struct CutoverAPITests {
    static func plan(_ nextGenAt: Date, blackout: [(Date, Date)]) -> [String: Any] {
        [
            "nextGenAt": nextGenAt.formatted(.iso8601),
            "blackout": blackout.map { ["from": $0.0.formatted(.iso8601), "to": $0.1.formatted(.iso8601)] },
        ]
    }

    @Test func theClerkPlansTheCutoverAndBadPlansAreRefusedWithAReason() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
            let attorney = try await api.courtToken("cacd", Demo.courtAttorney.login, Demo.courtAttorney.password)
            let now = clock.now
            let good = Self.plan(now + 120, blackout: [(now + 60, now + 120)])

            let notClerk = try await api.call(.put, "/api/v1/courts/cacd/cutover", token: attorney, body: good)
            #expect(notClerk.status == .forbidden && notClerk.error == "not_clerk")
            let cases: [([String: Any], String)] = [
                (Self.plan(now - 60, blackout: []), "nextGenAt"),
                (Self.plan(now + 120, blackout: [(now + 30, now + 90), (now + 60, now + 100)]), "blackout[1]"),
                (Self.plan(now + 120, blackout: [(now + 60, now + 180)]), "blackout[0]"),
                (["nextGenAt": "next Tuesday"], "nextGenAt"),
                (
                    ["nextGenAt": "2030-01-01T10:00", "blackout": [["from": "2030-01-01T09:00", "to": "soon"]]],
                    "blackout[0].to"
                ),
            ]
            for (body, field) in cases {
                let refused = try await api.call(.put, "/api/v1/courts/cacd/cutover", token: clerk, body: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect((refused.json["fields"] as? [String: String])?[field] != nil, "\(field): \(refused.json)")
            }

            let planned = try await api.call(.put, "/api/v1/courts/cacd/cutover", token: clerk, body: good)
            #expect(planned.status == .ok && planned.json["phase"] as? String == "legacy")
            #expect((planned.json["blackout"] as? [[String: String]])?.count == 1)
            _ = try await MailFiles.waitForMessage(
                to: "avery.attorney@example.org",
                subject:
                    "Revised: United States District Court for the Central District of California moves to NextGen",
                in: config)

            clock.advance(by: 61)
            let dark = try await api.call(.get, "/api/v1/courts/cacd/cutover")
            #expect(dark.status == .serviceUnavailable && Int(dark.headers[.retryAfter] ?? "") == 59)
            clock.advance(by: 60)
            let done = try await api.call(.get, "/api/v1/courts/cacd/cutover")
            #expect(done.json["phase"] as? String == "nextGen")
            let moved = try await api.call(
                .put, "/api/v1/courts/cacd/cutover", token: clerk, body: Self.plan(now + 900, blackout: []))
            #expect(moved.status == .conflict && moved.error == "court_on_nextgen", "\(moved.status) \(moved.json)")
            let retired = try await api.call(.get, "/api/v1/courts/cacd/efile-access", token: clerk)
            #expect(retired.status == .conflict && retired.error == "court_on_nextgen")
            let nysdClerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let late = try await api.call(
                .put, "/api/v1/courts/nysd/cutover", token: nysdClerk, body: Self.plan(now + 900, blackout: []))
            #expect(late.status == .conflict && late.error == "cutover_done")
        }
    }

    @Test func theUpgradeCompleteNoticeGoesOutOnceEvenWithTwoProcesses() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
            let now = clock.now
            let planned = try await api.call(
                .put, "/api/v1/courts/cacd/cutover", token: clerk,
                body: Self.plan(now + 30, blackout: [(now + 10, now + 30)]))
            #expect(planned.status == .ok)
            clock.advance(by: 31)
            // Two more "processes" on the same databases race the server's own scheduler.
            let queued = try await TestApp.withOtherProcess(config, clock: clock) { first in
                try await TestApp.withOtherProcess(config, clock: clock) { second in
                    async let a = NotifyCutovers(try await first.courtContext())()
                    async let b = NotifyCutovers(try await second.courtContext())()
                    return try await a + b
                }
            }
            #expect(queued <= 3)
            let subject = "is now on NextGen CM/ECF: link your account"
            for address in ["avery.attorney@example.org", "lee.jordan@example.org", "casey.clerk@example.org"] {
                _ = try await MailFiles.waitForMessage(to: address, subject: subject, in: config)
            }
            try await Task.sleep(for: .seconds(2))
            for address in ["avery.attorney@example.org", "lee.jordan@example.org", "casey.clerk@example.org"] {
                #expect(try MailFiles.count(to: address, subject: subject, in: config) == 1, "\(address)")
            }
        }
    }

    /// The scheduler opens the courts with their plans kept from its last pass; a plan changed
    /// since (here by the clerk, through another process's API) is read afresh, so its cutover's
    /// notices still go out, once.
    @Test func theSchedulerWithKeptPlansSeesACutoverPlannedAfterItsLastPass() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await TestApp.withOtherProcess(config, clock: clock) { scheduler in
            let notify = NotifyCutovers(try await scheduler.courtContext(), courts: try await scheduler.listCourts())
            #expect(try await notify() == 0, "no court has a cutover yet; the plans are now kept")
            let now = clock.now
            try await app.test(.router) { client in
                let api = CourtAPIClient(client: client)
                let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
                let planned = try await api.call(
                    .put, "/api/v1/courts/cacd/cutover", token: clerk,
                    body: Self.plan(now + 30, blackout: [(now + 10, now + 30)]))
                #expect(planned.status == .ok)
            }
            clock.advance(by: 31)
            #expect(try await notify() == 3, "Avery, Lee Jordan and Casey, the court's accounts not yet linked")
            #expect(try await notify() == 0)
        }
    }

    @Test func forgotPasswordAndLoginReminderForACourtLogin() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            var answers: Set<String> = []
            for value in [Demo.courtAttorney.login, "avery.attorney@example.org", "nobody-here", "nobody@example.org"] {
                let answer = try await api.call(
                    .post, "/api/v1/courts/cacd/password-resets", body: ["loginOrEmail": value])
                #expect(answer.status == .accepted)
                answers.insert(answer.json["message"] as? String ?? "")
            }
            #expect(answers.count == 1)
            let mail = try await MailFiles.waitForMessage(
                to: "avery.attorney@example.org", subject: "Reset your CACD CM/ECF password", in: config)
            let token = try #require(MailFiles.linkParameter("token", in: mail))
            #expect(mail.contains("/ecf/cacd/reset-password?token="))
            let weak = try await api.call(
                .post, "/api/v1/courts/cacd/password-resets/confirm", body: ["token": token, "newPassword": "short"])
            #expect(weak.status == .unprocessableContent)
            let reset = try await api.call(
                .post, "/api/v1/courts/cacd/password-resets/confirm",
                body: ["token": token, "newPassword": "granite owl over the harbor"])
            #expect(reset.status == .ok)
            let reused = try await api.call(
                .post, "/api/v1/courts/cacd/password-resets/confirm",
                body: ["token": token, "newPassword": "another granite owl flies"])
            #expect(reused.status == .badRequest && reused.error == "invalid_token")
            #expect(
                try await api.courtLogin("cacd", Demo.courtAttorney.login, Demo.courtAttorney.password).status
                    == .unauthorized)
            #expect(
                try await api.courtLogin("cacd", Demo.courtAttorney.login, "granite owl over the harbor").status
                    == .created)

            for email in ["lee.jordan@example.org", "nobody@example.org", "not an address"] {
                let answer = try await api.call(.post, "/api/v1/courts/cacd/login-reminders", body: ["email": email])
                #expect(answer.status == .accepted)
            }
            let reminder = try await MailFiles.waitForMessage(
                to: "lee.jordan@example.org", subject: "Your CACD CM/ECF account information", in: config)
            #expect(reminder.contains(Demo.courtLegacy.login))
        }
    }

    @Test func courtAccountsAreCreatedAndImportedWithEveryProblemReported() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
            let created = try await api.call(
                .post, "/api/v1/courts/cacd/accounts", token: clerk,
                body: [
                    "login": "pat-prose", "role": "proSeFiler", "firstName": "Pat", "lastName": "Prose",
                    "email": "pat@example.org", "secondaryEmails": ["pat.work@example.org"],
                ])
            #expect(created.status == .created && created.json["linked"] as? Bool == false)
            let otp = try await MailFiles.waitForMessage(
                to: "pat@example.org", subject: "Your CACD CM/ECF login", in: config)
            #expect(otp.contains("pat.work@example.org"), "secondary addresses are copied")
            let taken = try await api.call(
                .post, "/api/v1/courts/cacd/accounts", token: clerk,
                body: [
                    "login": "PAT-PROSE", "role": "proSeFiler", "firstName": "P", "lastName": "P",
                    "email": "p@example.org",
                ])
            #expect(taken.status == .conflict && taken.error == "login_taken")

            let csv = """
                login,role,firstName,lastName,email,secondaryEmails,barNumber,barState
                kim-lee,attorney,Kim,Lee,kim@example.org,kim2@example.org;kim3@example.org,A-77,ca
                x,judge,,Nobody,not-an-address,,,
                rio-media,mediaEService,Rio,Press,rio@example.org,,,
                """
            let report = try await client.execute(
                uri: "/api/v1/courts/cacd/accounts/import", method: .post,
                headers: [.authorization: "Bearer \(clerk)", .contentType: "text/csv"], body: ByteBuffer(string: csv)
            ) { AccountAPITests.decode($0) }
            #expect(report["imported"] as? [String] == ["kim-lee", "rio-media"])
            let rejected = report["rejected"] as? [[String: Any]] ?? []
            #expect(rejected.count == 1 && rejected.first?["line"] as? Int == 3)
            let patID = try #require(created.json["id"] as? String)
            let disabled = try await api.call(.post, "/api/v1/courts/cacd/accounts/\(patID)/disable", token: clerk)
            #expect(disabled.status == .ok && disabled.json["status"] as? String == "disabled")
            let otpPassword = try #require(
                otp.components(separatedBy: "one-time password: ").dropFirst().first?.prefix { !$0.isWhitespace })
            let refused = try await api.courtLogin("cacd", "pat-prose", String(otpPassword))
            #expect(refused.status == .unauthorized, "a disabled account does not sign in")
            _ = try await api.call(.post, "/api/v1/courts/cacd/accounts/\(patID)/enable", token: clerk)
            let again = try await api.courtLogin("cacd", "pat-prose", String(otpPassword))
            #expect(
                again.status == .created && again.json["mustChangePassword"] as? Bool == true,
                "\(again.status) \(again.json)")
            let patToken = try #require(again.json["token"] as? String)
            let weak = try await api.call(
                .post, "/api/v1/courts/cacd/legacy-sessions/current/password", token: patToken,
                body: ["currentPassword": String(otpPassword), "newPassword": "pat"])
            #expect(weak.status == .unprocessableContent)
            let chosen = try await api.call(
                .post, "/api/v1/courts/cacd/legacy-sessions/current/password", token: patToken,
                body: ["currentPassword": String(otpPassword), "newPassword": "a quiet bench by the river"])
            #expect(chosen.status == .ok)
            #expect(try await api.courtLogin("cacd", "pat-prose", "a quiet bench by the river").status == .created)
            let list = try await api.call(.get, "/api/v1/courts/cacd/accounts", token: clerk)
            let accounts = list.json["accounts"] as? [[String: Any]] ?? []
            let kim = accounts.first { $0["login"] as? String == "kim-lee" }
            #expect(kim?["barState"] as? String == "CA" && (kim?["secondaryEmails"] as? [String])?.count == 2)
            // A page at a time, in login order, each account once.
            var logins: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.call(
                    .get, "/api/v1/courts/cacd/accounts?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: clerk)
                let items = page.json["accounts"] as? [[String: Any]] ?? []
                #expect(items.count <= 2)
                logins += items.compactMap { $0["login"] as? String }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            #expect(logins == accounts.compactMap { $0["login"] as? String } && logins == logins.sorted())
            let badPage = try await api.call(.get, "/api/v1/courts/cacd/accounts?limit=0&cursor=%25%25", token: clerk)
            #expect(
                badPage.status == .unprocessableContent && (badPage.json["fields"] as? [String: String])?.count == 2)
        }
    }
}
