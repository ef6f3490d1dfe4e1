import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Legacy accounts: sign in, verify the e-mail, upgrade")
struct LegacyUpgradeAPITests {
    typealias API = AccountAPITests

    @Test func theDemoLegacyAccountUpgradesOnceItsEmailIsVerified() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            let token = try await client.execute(
                uri: "/api/v1/pacer/sessions", method: .post, headers: API.jsonHeaders,
                body: API.json(["username": DemoData.legacyUsername, "password": DemoData.legacyPassword])
            ) { response in
                #expect(response.status == .ok, "a legacy account can sign in")
                return API.decode(response)["token"] as? String ?? ""
            }
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: API.bearer(token)) {
                response in
                let account = API.decode(response)
                #expect(account["legacy"] as? Bool == true)
                #expect(account["userType"] == nil || account["userType"] is NSNull)
            }
            let upgrade = API.json([
                "dateOfBirth": "1970-01-20", "county": "Los Angeles", "userType": "attorney",
                "newPassword": "granite meadow lantern seven",
            ])
            var headers = API.bearer(token)
            headers[.contentType] = "application/json"
            try await client.execute(
                uri: "/api/v1/pacer/account/upgrade", method: .post, headers: headers, body: upgrade
            ) {
                response in
                #expect(response.status == .unauthorized)
                #expect(API.decode(response)["error"] as? String == "email_unverified")
            }
            try await client.execute(uri: "/api/v1/pacer/account/email-verification", method: .post, headers: headers) {
                #expect($0.status == .accepted)
            }
            let mail = try await MailFiles.waitForMessage(
                to: "lee.jordan@example.org", subject: "Verify your e-mail", in: config)
            let link = try #require(MailFiles.linkParameter("token", in: mail))
            try await client.execute(
                uri: "/api/v1/pacer/accounts/verify-email", method: .post, headers: API.jsonHeaders,
                body: API.json(["token": link])
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/pacer/account/upgrade", method: .post, headers: headers,
                body: API.json(["dateOfBirth": "1970-01-20", "county": "", "userType": "judge", "newPassword": "short"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let fields = API.decode(response)["fields"] as? [String: String] ?? [:]
                #expect(Set(fields.keys) == ["county", "userType", "newPassword"])
            }
            try await client.execute(
                uri: "/api/v1/pacer/account/upgrade", method: .post, headers: headers, body: upgrade
            ) {
                response in
                #expect(response.status == .ok)
                let account = API.decode(response)
                #expect(account["legacy"] as? Bool == false)
                #expect(account["upgradedAt"] is String)
                #expect(account["userType"] as? String == "attorney")
            }
            try await client.execute(
                uri: "/api/v1/pacer/account/upgrade", method: .post, headers: headers, body: upgrade
            ) {
                #expect($0.status == .forbidden, "an upgrade happens once")
            }
            try await client.execute(
                uri: "/api/v1/pacer/sessions", method: .post, headers: API.jsonHeaders,
                body: API.json(["username": DemoData.legacyUsername, "password": "granite meadow lantern seven"])
            ) { #expect($0.status == .ok, "the new password is the one that works") }
        }
    }
}
