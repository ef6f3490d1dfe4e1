import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Changing a password")
struct ChangePasswordAPITests {
    typealias API = AccountAPITests

    @Test func asksForTheCurrentPasswordAndEndsTheOtherSessions() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            var tokens: [String] = []
            for _ in 0..<2 {
                let (_, _, token) = try await TwoStepAPITests.signIn(
                    client, DemoData.attorneyUsername, DemoData.attorneyPassword)
                tokens.append(token)
            }
            var headers = API.bearer(tokens[0])
            headers[.contentType] = "application/json"
            try await client.execute(
                uri: "/api/v1/pacer/account/password", method: .post, headers: headers,
                body: API.json(["currentPassword": "wrong", "newPassword": "copper kettle morning rain"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect((API.decode(response)["fields"] as? [String: String])?["currentPassword"] != nil)
            }
            try await client.execute(
                uri: "/api/v1/pacer/account/password", method: .post, headers: headers,
                body: API.json([
                    "currentPassword": DemoData.attorneyPassword, "newPassword": "copper kettle morning rain",
                ])
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: API.bearer(tokens[0])) {
                #expect($0.status == .ok, "the session that changed the password stays")
            }
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: API.bearer(tokens[1])) {
                #expect($0.status == .unauthorized, "the other sessions end")
            }
            let withNew = try await TwoStepAPITests.signIn(
                client, DemoData.attorneyUsername, "copper kettle morning rain")
            #expect(withNew.0 == .ok)
        }
    }
}
