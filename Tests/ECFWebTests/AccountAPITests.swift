import ECFApp
import ECFServices
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PACER accounts through the API")
struct AccountAPITests {
    static func registration(
        username: String = "jdoe2026", email: String = "jane.doe@example.org",
        password: String = "tulip lantern quarry oboe",
        firstName: String = "Jane", dateOfBirth: String = "1985-04-12"
    ) -> [String: Any] {
        [
            "username": username, "password": password, "firstName": firstName, "lastName": "Doe", "email": email,
            "dateOfBirth": dateOfBirth, "street": "312 N Spring St", "city": "Los Angeles", "state": "CA",
            "postalCode": "90012", "county": "Los Angeles", "userType": "attorney", "affirmsIndividual": true,
        ]
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func decode(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    /// Registers, follows the mailed link, and signs in; returns the token.
    static func registerVerifyAndSignIn(_ client: some TestClientProtocol, config: AppConfig) async throws -> String {
        try await client.execute(
            uri: "/api/v1/pacer/accounts", method: .post, headers: jsonHeaders, body: json(registration())
        ) { response in
            #expect(response.status == .created)
            #expect(decode(response)["status"] as? String == "pendingVerification")
        }
        let mail = try await MailFiles.waitForMessage(
            to: "jane.doe@example.org", subject: "Verify your e-mail address", in: config)
        let token = try #require(MailFiles.linkParameter("token", in: mail))
        try await client.execute(
            uri: "/api/v1/pacer/accounts/verify-email", method: .post, headers: jsonHeaders,
            body: json(["token": token])
        ) { response in
            #expect(response.status == .ok)
            #expect(decode(response)["status"] as? String == "active")
        }
        return try await client.execute(
            uri: "/api/v1/pacer/sessions", method: .post, headers: jsonHeaders,
            body: json(["username": "JDOE2026", "password": "tulip lantern quarry oboe"])
        ) { response in
            #expect(response.status == .ok)
            return decode(response)["token"] as? String ?? ""
        }
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func registerVerifySignInReadTheAccountAndSignOut() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let token = try await Self.registerVerifyAndSignIn(client, config: config)
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(token)) {
                response in
                #expect(response.status == .ok)
                let account = Self.decode(response)
                #expect(account["username"] as? String == "jdoe2026")
                #expect(account["legacy"] as? Bool == false)
                #expect(account["userType"] as? String == "attorney")
                #expect(account["emailVerified"] as? Bool == true)
            }
            try await client.execute(
                uri: "/api/v1/pacer/sessions/current", method: .delete, headers: Self.bearer(token)
            ) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(token)) {
                response in
                #expect(response.status == .unauthorized, "a signed-out token is refused")
                #expect(Self.decode(response)["error"] as? String == "not_signed_in")
            }
        }
    }

    /// A token whose signature was checked once is kept as checked; a copy with another signature or
    /// other claims is still checked, and refused.
    @Test func aTokenAlteredAfterTheRealOneWasAcceptedIsRefused() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let token = try await Self.registerVerifyAndSignIn(client, config: config)
            for _ in 1...2 {
                try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(token)) {
                    #expect($0.status == .ok)
                }
            }
            let parts = token.split(separator: ".").map(String.init)
            var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            let payload = try #require(Data(base64Encoded: base64))
            var claims = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
            claims["name"] = "Mallory"
            let forgedPayload = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims))
            let signature = parts[2]
            let alteredSignature = (signature.first == "A" ? "B" : "A") + signature.dropFirst()
            let altered = [
                [parts[0], parts[1], alteredSignature].joined(separator: "."),
                [parts[0], forgedPayload, parts[2]].joined(separator: "."),
            ]
            for token in altered {
                try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(token)) {
                    #expect($0.status == .unauthorized)
                }
            }
        }
    }

    @Test func aVerificationLinkWorksOnce() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            _ = try await Self.registerVerifyAndSignIn(client, config: config)
            let mail = try await MailFiles.waitForMessage(
                to: "jane.doe@example.org", subject: "Verify your e-mail address", in: config)
            let token = try #require(MailFiles.linkParameter("token", in: mail))
            try await client.execute(
                uri: "/api/v1/pacer/accounts/verify-email", method: .post, headers: Self.jsonHeaders,
                body: Self.json(["token": token])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.decode(response)["error"] as? String == "invalid_token")
            }
        }
    }

    @Test func oneAccountPerMailboxAndUsernamesIgnoreCase() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: Self.json(Self.registration())
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: Self.json(Self.registration(username: "janedoe2", email: "Jane.Doe+pacer@example.org"))
            ) { response in
                #expect(response.status == .conflict)
                #expect(Self.decode(response)["error"] as? String == "duplicate_account")
            }
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: Self.json(Self.registration(username: "JDOE2026", email: "other@example.org", firstName: "Janet"))
            ) { response in
                #expect(response.status == .conflict)
                #expect(Self.decode(response)["error"] as? String == "username_taken")
            }
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: Self.json(Self.registration(username: "jdoe-second", email: "jd@example.net"))
            ) { response in
                #expect(response.status == .created)
                #expect(Self.decode(response)["status"] as? String == "heldForReview", "same name and birth date")
            }
        }
    }

    @Test func badAnswersAreReportedByFieldInWords() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            for (password, words) in [("short pass", "at least 14"), ("passwordpassword", "too common")] {
                try await client.execute(
                    uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                    body: Self.json(Self.registration(password: password))
                ) { response in
                    #expect(response.status == .unprocessableContent)
                    let body = Self.decode(response)
                    #expect(body["error"] as? String == "invalid")
                    let fields = body["fields"] as? [String: String] ?? [:]
                    #expect(fields["password"]?.contains(words) == true, "\(fields)")
                }
            }
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: Self.json(["username": "x"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let fields = Self.decode(response)["fields"] as? [String: String] ?? [:]
                #expect(fields.keys.contains("email") && fields.keys.contains("affirmsIndividual"))
            }
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.decode(response)["message"] != nil)
            }
        }
    }

    @Test func unknownUsersAndWrongPasswordsGetTheSameAnswer() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            _ = try await Self.registerVerifyAndSignIn(client, config: config)
            var answers: [String] = []
            for username in ["jdoe2026", "nobody-here"] {
                try await client.execute(
                    uri: "/api/v1/pacer/sessions", method: .post, headers: Self.jsonHeaders,
                    body: Self.json(["username": username, "password": "wrong password entirely"])
                ) { response in
                    #expect(response.status == .unauthorized)
                    answers.append(String(buffer: response.body))
                }
            }
            #expect(answers[0] == answers[1])
            #expect(answers[0].contains("invalid_credentials"))
        }
    }

    @Test func repeatedFailuresSlowDownThenLockAndTellTheOwner() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            _ = try await Self.registerVerifyAndSignIn(client, config: config)
            func attempt(_ password: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: "/api/v1/pacer/sessions", method: .post, headers: Self.jsonHeaders,
                    body: Self.json(["username": "jdoe2026", "password": password])
                ) { ($0.status, Self.decode($0)["error"] as? String ?? "") }
            }
            for failure in 1...3 {
                let answer = try await attempt("wrong password \(failure)")
                #expect(answer.1 == "invalid_credentials", "\(answer)")
            }
            #expect(try await attempt("wrong password 4").0 == .tooManyRequests, "the 4th try comes too soon")
            var last = ""
            for failure in 4...10 {
                clock.advance(by: 31)
                last = try await attempt("wrong password \(failure)").1
            }
            #expect(last == "locked")
            clock.advance(by: 31)
            #expect(try await attempt("tulip lantern quarry oboe").1 == "locked", "even the right password waits")
            _ = try await MailFiles.waitForMessage(to: "jane.doe@example.org", subject: "locked", in: config)
            clock.advance(by: 31 * 60)
            #expect(try await attempt("tulip lantern quarry oboe").0 == .ok, "the lock ends by itself")
        }
    }

    @Test func tokensExpireAndCannotBeTamperedWith() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let token = try await Self.registerVerifyAndSignIn(client, config: config)
            let parts = token.split(separator: ".").map(String.init)
            #expect(parts.count == 3)
            var payload = parts[1]
            payload = String(payload.dropLast()) + (payload.last == "A" ? "B" : "A")
            for forged in [parts[0] + "." + payload + "." + parts[2], token + "x", "not-a-token"] {
                try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(forged)) {
                    #expect($0.status == .unauthorized)
                }
            }
            // Accepted (and so kept as verified), then refused once it has expired.
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(token)) {
                #expect($0.status == .ok)
            }
            clock.advance(by: 16 * 60)
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: Self.bearer(token)) {
                response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("expired"))
            }
        }
    }

    @Test func unverifiedAccountsCannotSignInAndThePublicKeyIsPublished() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/pacer/accounts", method: .post, headers: Self.jsonHeaders,
                body: Self.json(Self.registration())
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/api/v1/pacer/sessions", method: .post, headers: Self.jsonHeaders,
                body: Self.json(["username": "jdoe2026", "password": "tulip lantern quarry oboe"])
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(Self.decode(response)["error"] as? String == "email_unverified")
            }
            try await client.execute(uri: "/pacer/.well-known/jwks.json", method: .get) { response in
                #expect(response.status == .ok)
                let keys = Self.decode(response)["keys"] as? [[String: String]] ?? []
                #expect(keys.count == 1)
                #expect(keys.first?["crv"] == "Ed25519" && keys.first?["alg"] == "EdDSA")
            }
        }
    }
}

@Suite("The demo account")
struct DemoAccountTests {
    @Test func theDemoAttorneyCanSignIn() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let token = try await client.execute(
                uri: "/api/v1/pacer/sessions", method: .post, headers: AccountAPITests.jsonHeaders,
                body: AccountAPITests.json([
                    "username": DemoData.attorneyUsername, "password": DemoData.attorneyPassword,
                ])
            ) { response in
                #expect(response.status == .ok)
                return AccountAPITests.decode(response)["token"] as? String ?? ""
            }
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: AccountAPITests.bearer(token))
            {
                response in
                #expect(AccountAPITests.decode(response)["userType"] as? String == "attorney")
                #expect(AccountAPITests.decode(response)["legacy"] as? Bool == false)
            }
        }
    }
}
