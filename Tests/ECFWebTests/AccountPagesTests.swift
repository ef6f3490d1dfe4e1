import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PACER pages: CSRF and the sign-in cookie")
struct AccountPagesTests {
    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The CSRF cookie a first page view sets.
    static func csrf(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/pacer/login", method: .get) { response in
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("openecf_csrf=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
            return String(cookie.dropFirst("openecf_csrf=".count).prefix { $0 != ";" })
        }
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.key, value: $0.value) }
        return ByteBuffer(string: components.percentEncodedQuery!.replacingOccurrences(of: "+", with: "%2B"))
    }

    @Test func aFormWithoutTheMatchingTokenIsRefused() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let token = try await Self.csrf(client)
            let credentials = ["username": "demo-attorney", "password": DemoData.attorneyPassword]
            for (cookie, field) in [
                (nil, nil), (token, nil), (token, "forged-token-value-of-the-same-length-000"), (nil, token),
            ] {
                var headers = Self.formHeaders
                if let cookie { headers[.cookie] = "openecf_csrf=\(cookie)" }
                var fields = credentials
                fields["csrfToken"] = field
                try await client.execute(uri: "/pacer/login", method: .post, headers: headers, body: Self.form(fields))
                {
                    response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("out of date"))
                }
            }
        }
    }

    @Test func signingInSetsASecureHttpOnlyCookieThatOpensTheAccountPage() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let token = try await Self.csrf(client)
            var headers = Self.formHeaders
            headers[.cookie] = "openecf_csrf=\(token)"
            let fields = ["username": "demo-attorney", "password": DemoData.attorneyPassword, "csrfToken": token]
            let cso = try await client.execute(
                uri: "/pacer/login", method: .post, headers: headers, body: Self.form(fields)
            ) {
                response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/pacer/account")
                let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("openecf_cso=") } ?? ""
                #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"))
                return String(cookie.dropFirst("openecf_cso=".count).prefix { $0 != ";" })
            }
            try await client.execute(
                uri: "/pacer/account", method: .get, headers: [.cookie: "openecf_csrf=\(token); openecf_cso=\(cso)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Avery Attorney"))
            }
            try await client.execute(uri: "/pacer/account", method: .get) { response in
                #expect(response.status == .seeOther, "without the cookie, sign in first")
                #expect(response.headers[.location] == "/pacer/login")
            }
        }
    }
}
