import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Personal API tokens")
struct APITokenTests {
    /// Turns two-step verification on for the signed-in account behind `token`.
    static func turnOnTwoStep(_ api: CourtAPIClient, token: String, password: String, clock: TestClock) async throws {
        let enrolled = try await api.call(
            .post, "/api/v1/pacer/account/mfa/totp", token: token, body: ["password": password, "name": "phone"])
        let uri = try #require(enrolled.json["otpauthUri"] as? String)
        let base32 = try #require(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value)
        let secret = try #require(TwoStepAPITests.base32Decode(base32))
        let confirmed = try await api.call(
            .post, "/api/v1/pacer/account/mfa/totp/confirm", token: token,
            body: ["code": TwoStepAPITests.code(secret: secret, at: clock.now)])
        #expect(confirmed.status == .ok)
    }

    static func makeToken(_ api: CourtAPIClient, session: String, body: [String: Any]) async throws
        -> CourtAPIClient.Answer
    {
        try await api.call(.post, "/api/v1/pacer/account/tokens", token: session, body: body)
    }

    /// A motion to dismiss by the first party of nysd's case 1, sent with `token`.
    static func file(_ client: some TestClientProtocol, token: String) async throws
        -> (HTTPResponse.Status, [String: Any])
    {
        let courtCase = try await CourtAPIClient(client: client).call(.get, "/api/v1/courts/nysd/cases/1", token: token)
        let party = (courtCase.json["parties"] as? [[String: Any]])?.first?["partyId"] as? String ?? "0"
        let (body, type) = FilingAPITests.multipart(
            filing: ["event": "motionToDismiss", "filers": [party], "redactionAcknowledged": false],
            files: [("document", "motion.pdf", FilingAPITests.pdf(["MOTION TO DISMISS"]))])
        return try await client.execute(
            uri: "/api/v1/courts/nysd/cases/1/filings", method: .post,
            headers: [.contentType: type, .authorization: "Bearer \(token)"], body: body
        ) { ($0.status, AccountAPITests.decode($0)) }
    }

    @Test func aReadTokenReadsButCannotFileNorManageTheAccount() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.linkedAvery()
            let made = try await Self.makeToken(api, session: avery, body: ["name": "docket watcher"])
            #expect(made.status == .created)
            let secret = try #require(made.json["token"] as? String)
            #expect(secret.hasPrefix("oecf_pat_") && made.json["scopes"] as? [String] == ["read"])
            #expect(made.json["hint"] as? String == String(secret.suffix(4)))

            let listed = try await api.call(.get, "/api/v1/pacer/account/tokens", token: avery)
            let tokens = listed.json["tokens"] as? [[String: Any]] ?? []
            #expect(tokens.count == 1 && tokens.first?["token"] == nil, "the secret is shown only once")
            #expect(tokens.first?["state"] as? String == "active")

            let account = try await api.call(.get, "/api/v1/pacer/account", token: secret)
            #expect(account.status == .ok && account.json["username"] as? String == Demo.attorney.username)
            let docket = try await api.call(.get, "/api/v1/courts/nysd/cases/1/entries", token: secret)
            #expect(docket.status == .ok)
            let used = try await api.call(.get, "/api/v1/pacer/account/tokens", token: avery)
            #expect((used.json["tokens"] as? [[String: Any]])?.first?["lastUsedAt"] is String)

            let (status, refusal) = try await Self.file(client, token: secret)
            #expect(status == .forbidden && refusal["error"] as? String == "insufficient_scope")
            #expect((refusal["message"] as? String)?.contains("file") == true)

            let minted = try await Self.makeToken(api, session: secret, body: ["name": "another"])
            #expect(minted.status == .forbidden && minted.error == "sign_in_needed", "a token cannot make tokens")
            let password = try await api.call(
                .post, "/api/v1/pacer/account/password", token: secret,
                body: ["currentPassword": Demo.attorney.password, "newPassword": "a brand new passphrase 2027"])
            #expect(password.status == .forbidden && password.error == "sign_in_needed")
        }
    }

    @Test func fileAndClerkTokensNeedTwoStepVerificationAndBadRequestsAreExplained() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let refused = try await Self.makeToken(api, session: avery, body: ["name": "filer", "scopes": ["file"]])
            #expect(refused.status == .forbidden && refused.error == "two_step_verification_needed")
            let bad = try await Self.makeToken(
                api, session: avery, body: ["name": "", "scopes": ["write"], "expiresAt": "2001-01-01"])
            let fields = bad.json["fields"] as? [String: String] ?? [:]
            #expect(bad.status == .unprocessableContent && Set(fields.keys) == ["name", "scopes", "expiresAt"])
            let garbled = try await Self.makeToken(api, session: avery, body: ["name": "x", "expiresAt": "next week"])
            #expect(garbled.status == .unprocessableContent && garbled.json["fields"] is [String: String])
            let anonymous = try await api.call(.get, "/api/v1/pacer/account/tokens")
            #expect(anonymous.status == .unauthorized)
            let unknown = try await api.call(
                .delete, "/api/v1/pacer/account/tokens/\(UUID().uuidString)", token: avery)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func onlyAClerkTokenActsForTheClerksOffice() async throws {
        let clock = TestClock()
        let app = try await TestApp.build(clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
            try await Self.turnOnTwoStep(api, token: clerk, password: Demo.clerk.password, clock: clock)
            var secrets: [String: String] = [:]
            for scopes in [["read"], ["clerk"]] {
                let made = try await Self.makeToken(api, session: clerk, body: ["name": "queue", "scopes": scopes])
                secrets[scopes[0]] = try #require(made.json["token"] as? String)
            }
            let read = try await api.call(.get, "/api/v1/courts/nysd/accounts", token: secrets["read"])
            #expect(read.status == .forbidden && read.error == "insufficient_scope")
            let clerkAnswer = try await api.call(.get, "/api/v1/courts/nysd/accounts", token: secrets["clerk"])
            #expect(clerkAnswer.status == .ok && (clerkAnswer.json["accounts"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test func aFileTokenFilesForALinkedAttorneyButNotForAnUnlinkedOne() async throws {
        let clock = TestClock()
        let app = try await TestApp.build(clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            // demo-press is linked to a media e-service login: it may hold a file token, not file.
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            try await Self.turnOnTwoStep(api, token: press, password: Demo.press.password, clock: clock)
            let pressToken = try #require(
                try await Self.makeToken(api, session: press, body: ["name": "press", "scopes": ["file"]])
                    .json["token"] as? String)
            let (pressStatus, pressRefusal) = try await Self.file(client, token: pressToken)
            #expect(pressStatus == .forbidden && pressRefusal["error"] as? String == "role_may_not_file")

            // demo-attorney before linking avery-attorney in nysd: not linked, cannot file.
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            try await Self.turnOnTwoStep(api, token: avery, password: Demo.attorney.password, clock: clock)
            let made = try await Self.makeToken(
                api, session: avery, body: ["name": "filing robot", "scopes": ["file", "read"]])
            #expect(made.status == .created && made.json["scopes"] as? [String] == ["read", "file"])
            let filer = try #require(made.json["token"] as? String)
            let (unlinked, refusal) = try await Self.file(client, token: filer)
            #expect(unlinked == .forbidden && refusal["error"] as? String == "not_linked")
            let linking = try await api.link(
                "nysd", token: filer, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            #expect(linking.status == .forbidden && linking.error == "sign_in_needed", "linking needs the person")
            _ = try await api.link(
                "nysd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
            let (filed, receipt) = try await Self.file(client, token: filer)
            #expect(filed == .created, "\(receipt)")
            let clerkOnly = try await api.call(.get, "/api/v1/courts/nysd/accounts", token: filer)
            #expect(clerkOnly.status == .forbidden)
        }
    }

    @Test func revokedAndExpiredTokensAreRefused() async throws {
        let clock = TestClock()
        let app = try await TestApp.build(clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let soon = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(3600))
            let short = try await Self.makeToken(api, session: avery, body: ["name": "short", "expiresAt": soon])
            let lasting = try await Self.makeToken(api, session: avery, body: ["name": "lasting"])
            let shortSecret = try #require(short.json["token"] as? String)
            let lastingSecret = try #require(lasting.json["token"] as? String)
            let lastingID = try #require(lasting.json["id"] as? String)

            let revoked = try await api.call(.delete, "/api/v1/pacer/account/tokens/\(lastingID)", token: avery)
            #expect(revoked.status == .noContent)
            let afterRevoke = try await api.call(.get, "/api/v1/pacer/account", token: lastingSecret)
            #expect(
                afterRevoke.status == .unauthorized
                    && (afterRevoke.json["message"] as? String)?.contains("revoked") == true)
            #expect(try await api.call(.get, "/api/v1/pacer/account", token: shortSecret).status == .ok)

            clock.advance(by: 3601)
            let afterExpiry = try await api.call(.get, "/api/v1/courts/nysd/cases/1", token: shortSecret)
            #expect(
                afterExpiry.status == .unauthorized
                    && (afterExpiry.json["message"] as? String)?.contains("expired") == true)
            let states = try await api.call(
                .get, "/api/v1/pacer/account/tokens",
                token: try await api.pacer(Demo.attorney.username, Demo.attorney.password))
            #expect(
                (states.json["tokens"] as? [[String: Any]])?.compactMap { $0["state"] as? String }.sorted() == [
                    "expired", "revoked",
                ])
            let forged = try await api.call(
                .get, "/api/v1/pacer/account", token: "oecf_pat_" + String(repeating: "A", count: 43))
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func tooManyRequestsWithOneTokenAnswer429WithRetryAfter() async throws {
        var config = TestApp.config()
        config.apiTokenRateLimit = 5
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let avery = try await api.pacer(Demo.attorney.username, Demo.attorney.password)
            let secret = try #require(
                try await Self.makeToken(api, session: avery, body: ["name": "busy"]).json["token"] as? String)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 { statuses.append(try await api.call(.get, "/api/v1/courts/nysd", token: secret).status) }
            #expect(statuses.prefix(5).allSatisfy { $0 == .ok } && statuses.last == .tooManyRequests)
            let limited = try await api.call(.get, "/api/v1/pacer/account", token: secret)
            #expect(limited.status == .tooManyRequests && limited.error == "rate_limited")
            let wait = Int(limited.headers[.retryAfter] ?? "") ?? 0
            #expect((1...60).contains(wait), "Retry-After says how long to wait")
            let other = try await api.call(.get, "/api/v1/pacer/account", token: avery)
            #expect(other.status == .ok, "the limit is the token's, not the account's sign-in")
        }
    }
}
