import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Court logins, linking and e-filing access through the API")
struct CourtLinkingAPITests {
    @Test func aCourtLoginSignsInOnLegacyCMECFAndNotElsewhere() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let good = try await api.courtLogin(
                "cacd", Demo.courtAttorney.login.uppercased(), Demo.courtAttorney.password)
            #expect(good.status == .created)
            #expect(good.json["role"] as? String == "attorney")
            let token = try #require(good.json["token"] as? String)
            let access = try await api.call(.get, "/api/v1/courts/cacd/efile-access", token: token)
            #expect(access.status == .ok && access.json["login"] as? String == Demo.courtAttorney.login)

            let wrong = try await api.courtLogin("cacd", Demo.courtAttorney.login, "not the password at all")
            let unknown = try await api.courtLogin("cacd", "nobody-here", "not the password at all")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.json["message"] as? String == unknown.json["message"] as? String)
            #expect(wrong.error == "invalid_credentials")

            let nextGen = try await api.courtLogin("nysd", Demo.courtAttorney.login, Demo.courtAttorney.password)
            #expect(nextGen.status == .conflict && nextGen.error == "court_on_nextgen")
            let blackout = try await api.courtLogin("cacb", Demo.courtAttorney.login, Demo.courtAttorney.password)
            #expect(blackout.status == .serviceUnavailable && blackout.error == "court_unavailable")
            #expect(Int(blackout.headers[.retryAfter] ?? "") ?? 0 > 3600)
            let noCourt = try await api.courtLogin("cadx", Demo.courtAttorney.login, Demo.courtAttorney.password)
            #expect(noCourt.status == .notFound && noCourt.error == "court_not_found")

            let signOut = try await api.call(.delete, "/api/v1/courts/cacd/legacy-sessions/current", token: token)
            #expect(signOut.status == .noContent)
            let after = try await api.call(.get, "/api/v1/courts/cacd/efile-access", token: token)
            #expect(after.status == .unauthorized && after.error == "not_signed_in")
        }
    }

    @Test func theCourtIsDarkDuringItsBlackoutWhileThePSCWorks() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            for uri in ["/api/v1/courts/cacb/cutover", "/api/v1/courts/cacb/readiness", "/api/v1/courts/cacb"] {
                let answer = try await api.call(.get, uri)
                #expect(answer.status == .serviceUnavailable, "\(uri)")
                #expect(answer.headers[.retryAfter] != nil)
                #expect((answer.json["message"] as? String)?.contains("unavailable from") == true)
            }
            try await client.execute(uri: "/ecf/cacb/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                #expect(String(buffer: response.body).contains("The PACER Service Center is still available"))
            }
            #expect(!(try await api.pacer(Demo.attorney.username, Demo.attorney.password)).isEmpty)
            let list = try await api.call(.get, "/api/v1/courts")
            #expect(list.array.first { $0["id"] as? String == "cacb" }?["phase"] as? String == "blackout")
        }
    }

    @Test func linkingFollowsEveryRule() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let lee = try await api.pacer(Demo.legacy.username, Demo.legacy.password)

            let noToken = try await api.call(
                .post, "/api/v1/courts/nysd/links", body: ["login": Demo.courtAttorney.login, "password": "x"])
            #expect(noToken.status == .unauthorized && noToken.error == "not_signed_in")
            let early = try await api.link(
                "cacd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(early.status == .conflict && early.error == "court_not_nextgen")
            #expect((early.json["message"] as? String)?.contains("Linking opens when it moves to NextGen on") == true)
            let dark = try await api.link(
                "cacb", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(dark.status == .serviceUnavailable)
            let legacy = try await api.link(
                "nysd", token: lee, login: Demo.courtLegacy.login, password: Demo.courtLegacy.password)
            #expect(legacy.status == .forbidden && legacy.error == "pacer_account_not_upgraded")
            #expect((legacy.json["message"] as? String)?.contains("Manage My Account") == true)

            let unlinkedFile = try await api.call(.get, "/api/v1/courts/nysd/efile-access", token: avery)
            #expect(unlinkedFile.status == .forbidden && unlinkedFile.error == "not_linked")

            let wrong = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: "wrong password here")
            #expect(wrong.status == .unauthorized && wrong.error == "invalid_credentials")
            let linked = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(linked.status == .created && linked.json["linked"] as? Bool == true)
            let again = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(again.status == .conflict && again.error == "already_linked")
            let otherLogin = try await api.link(
                "nysd", token: avery, login: Demo.courtLegacy.login, password: Demo.courtLegacy.password)
            #expect(otherLogin.status == .conflict && otherLogin.error == "already_linked")

            let oldPassword = try await api.courtLogin("nysd", Demo.courtAttorney.login, Demo.courtAttorney.password)
            #expect(oldPassword.status == .conflict && oldPassword.error == "court_on_nextgen")
            let files = try await api.call(.get, "/api/v1/courts/nysd/efile-access", token: avery)
            #expect(files.status == .ok && files.json["role"] as? String == "attorney")

            let mail = try await MailFiles.waitForMessage(
                to: "avery.attorney@example.org", subject: "Your CM/ECF login is linked", in: config)
            #expect(mail.contains(Demo.attorney.username))

            let readiness = try await api.call(.get, "/api/v1/courts/nysd/readiness", token: avery)
            #expect(readiness.json["linked"] as? Bool == true && readiness.json["canEFile"] as? Bool == true)

            // The clerk removes the link (audited, mailed with a one-time password to link again).
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let id = try #require(linked.json["id"] as? String)
            let noReason = try await api.call(.delete, "/api/v1/courts/nysd/links/\(id)", token: clerk, body: [:])
            #expect(noReason.status == .unprocessableContent)
            let byAttorney = try await api.call(
                .delete, "/api/v1/courts/nysd/links/\(id)", token: avery, body: ["reason": "x"])
            #expect(byAttorney.status == .forbidden && byAttorney.error == "not_clerk")
            let unlinked = try await api.call(
                .delete, "/api/v1/courts/nysd/links/\(id)", token: clerk,
                body: ["reason": "linked to the wrong PACER account"])
            #expect(unlinked.status == .ok && unlinked.json["linked"] as? Bool == false)
            #expect(try await api.call(.get, "/api/v1/courts/nysd/efile-access", token: avery).error == "not_linked")
            let unlinkMail = try await MailFiles.waitForMessage(
                to: "avery.attorney@example.org", subject: "The clerk unlinked your CM/ECF login", in: config)
            let oneTime = try #require(unlinkMail.components(separatedBy: "one-time password: ").last?.prefix(24))
            let relinked = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login,
                password: String(oneTime.prefix { !$0.isWhitespace }))
            #expect(relinked.status == .created, "\(relinked.json)")
        }
    }

    @Test func aLegacyPACERUserIsRefusedUntilItUpgrades() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let lee = try await api.pacer(Demo.legacy.username, Demo.legacy.password)
            let before = try await api.call(.get, "/api/v1/courts/nysd/readiness", token: lee)
            #expect(before.json["upgraded"] as? Bool == false)
            let steps = before.json["nextSteps"] as? [[String: Any]] ?? []
            let upgradeStep = steps.first { $0["step"] as? String == "upgradedAccount" }
            #expect(upgradeStep?["done"] as? Bool == false && upgradeStep?["url"] as? String == "/pacer/account")

            _ = try await api.call(.post, "/api/v1/pacer/account/email-verification", token: lee)
            let verify = try await MailFiles.waitForMessage(
                to: "lee.jordan@example.org", subject: "Verify your e-mail address", in: config)
            let token = try #require(MailFiles.linkParameter("token", in: verify))
            _ = try await api.call(.post, "/api/v1/pacer/accounts/verify-email", body: ["token": token])
            let upgraded = try await api.call(
                .post, "/api/v1/pacer/account/upgrade", token: lee,
                body: [
                    "dateOfBirth": "1970-01-02", "street": "1 Main St", "city": "Pasadena", "state": "CA",
                    "postalCode": "91101", "county": "Los Angeles", "userType": "attorney",
                    "newPassword": "velvet canyon morning tide",
                ])
            #expect(upgraded.status == .ok)
            let linked = try await api.link(
                "nysd", token: lee, login: Demo.courtLegacy.login, password: Demo.courtLegacy.password)
            #expect(linked.status == .created, "\(linked.json)")
        }
    }

    @Test func theClerkSeesWhoHasNotLinkedAndCanRemindThem() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let notClerk = try await api.call(.get, "/api/v1/courts/nysd/readiness/summary", token: avery)
            #expect(notClerk.status == .forbidden && notClerk.error == "not_clerk")
            let anonymous = try await api.call(.get, "/api/v1/courts/nysd/readiness/summary")
            #expect(anonymous.status == .unauthorized)

            let summary = try await api.call(.get, "/api/v1/courts/nysd/readiness/summary", token: clerk)
            #expect(summary.status == .ok)
            #expect(summary.json["registered"] as? Int == 7 && summary.json["linked"] as? Int == 2)
            #expect(summary.json["notLinked"] as? Int == 5)
            let byRole = summary.json["byRole"] as? [String: [String: Int]] ?? [:]
            #expect(byRole["attorney"] == ["registered": 2, "linked": 0])
            #expect(byRole["clerk"] == ["registered": 1, "linked": 1])
            #expect(byRole["judge"] == ["registered": 2, "linked": 0])
            let everyone = (summary.json["notLinkedAccounts"] as? [[String: Any]] ?? []).compactMap {
                $0["login"] as? String
            }
            #expect(everyone.count == 5 && everyone == everyone.sorted())
            let firstTwo = try await api.call(.get, "/api/v1/courts/nysd/readiness/summary?limit=2", token: clerk)
            let cursor = try #require(firstTwo.json["nextCursor"] as? String)
            #expect(firstTwo.json["notLinked"] as? Int == 5, "the counts are the whole court's on every page")
            let rest = try await api.call(
                .get, "/api/v1/courts/nysd/readiness/summary?limit=2&cursor=\(cursor)", token: clerk)
            let restLogins = (rest.json["notLinkedAccounts"] as? [[String: Any]] ?? []).compactMap {
                $0["login"] as? String
            }
            #expect(restLogins == Array(everyone[2..<4]))

            let reminded = try await api.call(.post, "/api/v1/courts/nysd/readiness/reminders", token: clerk)
            #expect(reminded.status == .accepted && reminded.json["sent"] as? Int == 5)
            _ = try await MailFiles.waitForMessage(
                to: "lee.jordan@example.org", subject: "Reminder: link your NYSD CM/ECF account", in: config)

            let cacdClerk = try await api.courtLogin("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
            let cacdToken = try #require(cacdClerk.json["token"] as? String)
            let tooEarly = try await api.call(.post, "/api/v1/courts/cacd/readiness/reminders", token: cacdToken)
            #expect(tooEarly.status == .conflict && tooEarly.error == "court_not_nextgen")
        }
    }

    @Test func anEFileRegistrationIsApprovedIntoALinkedAccount() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let jane = try await AccountAPITests.registerVerifyAndSignIn(client, config: config)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)

            let legacyCourt = try await api.call(
                .post, "/api/v1/pacer/efile-registrations", token: jane, body: ["court": "cacd", "role": "attorney"])
            #expect(legacyCourt.status == .conflict && legacyCourt.error == "court_not_nextgen")
            let noBar = try await api.call(
                .post, "/api/v1/pacer/efile-registrations", token: jane, body: ["court": "nysd", "role": "attorney"])
            #expect(
                noBar.status == .unprocessableContent
                    && (noBar.json["fields"] as? [String: String])?["barNumber"] != nil)
            let clerkRole = try await api.call(
                .post, "/api/v1/pacer/efile-registrations", token: jane, body: ["court": "nysd", "role": "clerk"])
            #expect(clerkRole.status == .unprocessableContent)
            let asked = try await api.call(
                .post, "/api/v1/pacer/efile-registrations", token: jane,
                body: ["court": "nysd", "role": "attorney", "barNumber": "998877", "barState": "ny"])
            #expect(asked.status == .created && asked.json["status"] as? String == "pending")
            let twice = try await api.call(
                .post, "/api/v1/pacer/efile-registrations", token: jane,
                body: ["court": "nysd", "role": "attorney", "barNumber": "998877", "barState": "NY"])
            #expect(twice.status == .conflict && twice.error == "already_requested")

            let janeFiles = try await api.call(.get, "/api/v1/courts/nysd/efile-access", token: jane)
            #expect(janeFiles.error == "not_linked")
            let queue = try await api.call(.get, "/api/v1/courts/nysd/efile-registrations", token: clerk)
            let waiting = queue.json["registrations"] as? [[String: Any]] ?? []
            let id = try #require(waiting.first?["id"] as? String)
            #expect(waiting.first?["barState"] as? String == "NY")
            let refused = try await api.call(
                .post, "/api/v1/courts/nysd/efile-registrations/\(id)/approve", token: jane)
            #expect(refused.status == .forbidden && refused.error == "not_clerk")
            let approved = try await api.call(
                .post, "/api/v1/courts/nysd/efile-registrations/\(id)/approve", token: clerk)
            #expect(approved.status == .ok && approved.json["status"] as? String == "approved")
            let decidedTwice = try await api.call(
                .post, "/api/v1/courts/nysd/efile-registrations/\(id)/reject", token: clerk, body: ["reason": "late"])
            #expect(decidedTwice.status == .conflict && decidedTwice.error == "already_decided")

            let nowFiles = try await api.call(.get, "/api/v1/courts/nysd/efile-access", token: jane)
            #expect(nowFiles.status == .ok && nowFiles.json["login"] as? String == "jdoe2026")
            _ = try await MailFiles.waitForMessage(
                to: "jane.doe@example.org", subject: "registration in the District Court, S.D. New York is approved",
                in: config)
        }
    }

    @Test func linkingAttemptsAreThrottledThenLocked() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            for _ in 1...3 {
                let wrong = try await api.link(
                    "nysd", token: avery, login: Demo.courtAttorney.login, password: "guess guess guess")
                #expect(wrong.status == .unauthorized)
            }
            let fast = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: "guess guess guess")
            #expect(fast.status == .tooManyRequests && fast.error == "rate_limited")
            #expect(fast.headers[.retryAfter] != nil)
            for _ in 4...10 {
                clock.advance(by: 31)
                _ = try await api.link(
                    "nysd", token: avery, login: Demo.courtAttorney.login, password: "guess guess guess")
            }
            clock.advance(by: 31)
            let locked = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(locked.status == .unauthorized && locked.error == "locked", "\(locked.json)")
            clock.advance(by: 30 * 60)
            let later = try await api.link(
                "nysd", token: try await api.pacer(Demo.attorney.username, Demo.attorney.password),
                login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(later.status == .created, "the lock ends after 30 minutes")
        }
    }

    @Test func theClerkRejectsARegistrationWithAReason() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let jane = try await AccountAPITests.registerVerifyAndSignIn(client, config: config)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            let asked = try await api.call(
                .post, "/api/v1/pacer/efile-registrations", token: jane, body: ["court": "nysd", "role": "proSeFiler"])
            let id = try #require(asked.json["id"] as? String)
            let noReason = try await api.call(
                .post, "/api/v1/courts/nysd/efile-registrations/\(id)/reject", token: clerk, body: ["reason": " "])
            #expect(noReason.status == .unprocessableContent)
            let rejected = try await api.call(
                .post, "/api/v1/courts/nysd/efile-registrations/\(id)/reject", token: clerk,
                body: ["reason": "You are not a party to any case in this court."])
            #expect(rejected.status == .ok && rejected.json["status"] as? String == "rejected")
            let mail = try await MailFiles.waitForMessage(
                to: "jane.doe@example.org", subject: "was not approved", in: config)
            #expect(mail.contains("You are not a party to any case in this court."))
            #expect(try await api.call(.get, "/api/v1/courts/nysd/efile-access", token: jane).error == "not_linked")
            let unknown = try await api.call(
                .post, "/api/v1/courts/nysd/efile-registrations/\(UUID().uuidString)/approve", token: clerk)
            #expect(unknown.status == .notFound)
        }
    }
}
