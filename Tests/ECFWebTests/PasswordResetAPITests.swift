import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Forgot password and forgot username")
struct PasswordResetAPITests {
    typealias API = AccountAPITests

    @Test func theAnswerIsTheSameForKnownAndUnknownAccounts() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            _ = try await API.registerVerifyAndSignIn(client, config: config)
            for (path, field, values) in [
                (
                    "/api/v1/pacer/password-resets", "usernameOrEmail",
                    ["jdoe2026", "jane.doe@example.org", "nobody-at-all", "nobody@example.org"]
                ),
                (
                    "/api/v1/pacer/username-reminders", "email",
                    ["jane.doe@example.org", "nobody@example.org", "not an address"]
                ),
            ] {
                var answers: Set<String> = []
                for value in values {
                    try await client.execute(
                        uri: path, method: .post, headers: API.jsonHeaders, body: API.json([field: value])
                    ) { response in
                        #expect(response.status == .accepted)
                        answers.insert(String(buffer: response.body))
                    }
                }
                #expect(answers.count == 1, "\(path) answers alike")
            }
            let reminder = try await MailFiles.waitForMessage(
                to: "jane.doe@example.org", subject: "Your PACER username", in: config)
            #expect(reminder.contains("jdoe2026"))
        }
    }

    @Test func aResetLinkSetsANewPasswordOnceAndSignsOutEverywhere() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let oldToken = try await API.registerVerifyAndSignIn(client, config: config)
            try await client.execute(
                uri: "/api/v1/pacer/password-resets", method: .post, headers: API.jsonHeaders,
                body: API.json(["usernameOrEmail": "JDOE2026"])
            ) { #expect($0.status == .accepted) }
            let mail = try await MailFiles.waitForMessage(
                to: "jane.doe@example.org", subject: "Reset your PACER password", in: config)
            let token = try #require(MailFiles.linkParameter("token", in: mail))
            #expect(mail.contains("/pacer/reset-password?token="))

            try await client.execute(
                uri: "/api/v1/pacer/password-resets/confirm", method: .post, headers: API.jsonHeaders,
                body: API.json(["token": token, "newPassword": "short"])
            ) { response in
                #expect(response.status == .unprocessableContent, "a refused password does not spend the link")
            }
            let confirm = API.json(["token": token, "newPassword": "violet harbor crane ninety"])
            try await client.execute(
                uri: "/api/v1/pacer/password-resets/confirm", method: .post, headers: API.jsonHeaders, body: confirm
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/pacer/password-resets/confirm", method: .post, headers: API.jsonHeaders, body: confirm
            ) { response in
                #expect(response.status == .badRequest, "a reset link used twice fails")
                #expect(API.decode(response)["error"] as? String == "invalid_token")
            }
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: API.bearer(oldToken)) {
                #expect($0.status == .unauthorized, "the reset ended the other sessions")
            }
            for (password, status) in [
                ("tulip lantern quarry oboe", HTTPResponse.Status.unauthorized), ("violet harbor crane ninety", .ok),
            ] {
                try await client.execute(
                    uri: "/api/v1/pacer/sessions", method: .post, headers: API.jsonHeaders,
                    body: API.json(["username": "jdoe2026", "password": password])
                ) { #expect($0.status == status) }
            }
        }
    }

    @Test func aResetLinkExpiresAfterThirtyMinutes() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            _ = try await API.registerVerifyAndSignIn(client, config: config)
            try await client.execute(
                uri: "/api/v1/pacer/password-resets", method: .post, headers: API.jsonHeaders,
                body: API.json(["usernameOrEmail": "jane.doe@example.org"])
            ) { #expect($0.status == .accepted) }
            let mail = try await MailFiles.waitForMessage(
                to: "jane.doe@example.org", subject: "Reset your PACER password", in: config)
            let token = try #require(MailFiles.linkParameter("token", in: mail))
            clock.advance(by: 31 * 60)
            try await client.execute(
                uri: "/api/v1/pacer/password-resets/confirm", method: .post, headers: API.jsonHeaders,
                body: API.json(["token": token, "newPassword": "violet harbor crane ninety"])
            ) { #expect($0.status == .badRequest) }
        }
    }
}
