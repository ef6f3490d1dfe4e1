import ECFApp
import Foundation
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Testing

@Suite("Two-step verification (TOTP and backup codes)")
struct TwoStepAPITests {
    typealias API = AccountAPITests

    static func code(secret: String, at date: Date) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: date))
    }

    static func signIn(_ client: some TestClientProtocol, _ username: String, _ password: String, otp: String? = nil)
        async throws -> (HTTPResponse.Status, String, String)
    {
        var body = ["username": username, "password": password]
        body["otp"] = otp
        return try await client.execute(
            uri: "/api/v1/pacer/sessions", method: .post, headers: API.jsonHeaders, body: API.json(body)
        ) { response in
            let json = API.decode(response)
            return (response.status, json["error"] as? String ?? "", json["token"] as? String ?? "")
        }
    }

    @Test func enrolConfirmAndSignInWithACodeThenABackupCode() async throws {
        let config = TestApp.config()
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_000_000))
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let (_, _, token) = try await Self.signIn(client, DemoData.attorneyUsername, DemoData.attorneyPassword)
            var headers = API.bearer(token)
            headers[.contentType] = "application/json"
            try await client.execute(
                uri: "/api/v1/pacer/account/mfa/totp", method: .post, headers: headers,
                body: API.json(["password": "not my password"])
            ) { #expect($0.status == .unprocessableContent, "adding an authenticator asks for the current password") }
            let uri = try await client.execute(
                uri: "/api/v1/pacer/account/mfa/totp", method: .post, headers: headers,
                body: API.json(["password": DemoData.attorneyPassword, "name": "phone"])
            ) { response in
                #expect(response.status == .created)
                return API.decode(response)["otpauthUri"] as? String ?? ""
            }
            #expect(uri.hasPrefix("otpauth://totp/PACER:demo-attorney?secret="))
            // The app's key is base32; HummingbirdOTP wants the raw secret it encodes.
            let base32 = try #require(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value)
            let secret = try #require(Self.base32Decode(base32))
            try await client.execute(
                uri: "/api/v1/pacer/account/mfa/totp/confirm", method: .post, headers: headers,
                body: API.json(["code": "000000"])
            ) { #expect($0.status == .unprocessableContent) }
            let codes = try await client.execute(
                uri: "/api/v1/pacer/account/mfa/totp/confirm", method: .post, headers: headers,
                body: API.json(["code": Self.code(secret: secret, at: clock.now)])
            ) { response in
                #expect(response.status == .ok)
                return API.decode(response)["backupCodes"] as? [String] ?? []
            }
            #expect(codes.count == 10 && Set(codes).count == 10)

            clock.advance(by: 60)
            let user = DemoData.attorneyUsername
            let password = DemoData.attorneyPassword
            let withoutCode = try await Self.signIn(client, user, password)
            #expect(withoutCode.1 == "mfa_required")
            let good = Self.code(secret: secret, at: clock.now)
            let first = try await Self.signIn(client, user, password, otp: good)
            #expect(first.0 == .ok)
            let replay = try await Self.signIn(client, user, password, otp: good)
            #expect(replay.1 == "mfa_required", "a code is not accepted twice")
            let backup = try await Self.signIn(client, user, password, otp: codes[3].uppercased())
            #expect(backup.0 == .ok, "a backup code signs in")
            let backupAgain = try await Self.signIn(client, user, password, otp: codes[3])
            #expect(backupAgain.1 == "mfa_required", "a backup code works once")
            try await client.execute(uri: "/api/v1/pacer/account", method: .get, headers: API.bearer(token)) {
                #expect(API.decode($0)["mfaEnabled"] as? Bool == true)
            }
        }
    }

    @Test func theDemoAccountWithTwoStepVerification() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let withoutCode = try await Self.signIn(client, DemoData.mfaUsername, DemoData.mfaPassword)
            #expect(withoutCode.1 == "mfa_required")
            let code = Self.code(secret: DemoData.mfaSecret, at: Date())
            let withCode = try await Self.signIn(client, DemoData.mfaUsername, DemoData.mfaPassword, otp: code)
            #expect(withCode.0 == .ok)
            #expect(Self.base32Decode(DemoData.mfaSecretBase32) == DemoData.mfaSecret)
        }
    }

    static func base32Decode(_ text: String) -> String? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0
        var value = 0
        var bytes: [UInt8] = []
        for character in text.uppercased() where character != "=" {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(bytes: bytes, encoding: .utf8)
    }
}
