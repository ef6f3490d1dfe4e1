import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting

/// A JSON client for the court API tests: one call, its status and its decoded body.
struct CourtAPIClient {
    let client: any TestClientProtocol

    struct Answer {
        let status: HTTPResponse.Status
        let json: [String: Any]
        let array: [[String: Any]]
        let headers: HTTPFields
        var error: String? { json["error"] as? String }
    }

    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: [String: Any]? = nil)
        async throws -> Answer
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { AccountAPITests.json($0) }
        ) { response in
            let data = Data(String(buffer: response.body).utf8)
            let object = try? JSONSerialization.jsonObject(with: data)
            return Answer(
                status: response.status, json: object as? [String: Any] ?? [:],
                array: object as? [[String: Any]] ?? [], headers: response.headers)
        }
    }

    /// A PACER sign-in token.
    func pacer(_ username: String, _ password: String) async throws -> String {
        let answer = try await call(
            .post, "/api/v1/pacer/sessions", body: ["username": username, "password": password])
        return answer.json["token"] as? String ?? ""
    }

    /// A court-login session token.
    func courtLogin(_ court: String, _ login: String, _ password: String) async throws -> Answer {
        try await call(
            .post, "/api/v1/courts/\(court)/legacy-sessions", body: ["login": login, "password": password])
    }

    /// The token of a court-login session that must succeed.
    func courtToken(_ court: String, _ login: String, _ password: String) async throws -> String {
        let answer = try await courtLogin(court, login, password)
        guard let token = answer.json["token"] as? String else { throw CourtLoginFailed(status: answer.status) }
        return token
    }

    struct CourtLoginFailed: Error {
        let status: HTTPResponse.Status
    }

    /// A PACER token of demo-attorney, its court login avery-attorney linked in nysd.
    func linkedAvery() async throws -> String {
        let avery = try await pacer(Demo.attorney.username, Demo.attorney.password)
        _ = try await link("nysd", token: avery, login: Demo.courtAttorney.login, password: Demo.courtAttorney.password)
        return avery
    }

    func link(_ court: String, token: String, login: String, password: String) async throws -> Answer {
        try await call(
            .post, "/api/v1/courts/\(court)/links", token: token, body: ["login": login, "password": password])
    }
}

/// The demo's people, as the tests use them.
enum Demo {
    static let attorney = (username: "demo-attorney", password: "sunlit harbor of nine courts")
    static let legacy = (username: "lj2012", password: "oldpass2012")
    static let clerk = (username: "demo-clerk", password: "clerks keep the docket true")
    static let courtAttorney = (login: "avery-attorney", password: "harbor lights of the ninth circuit")
    static let courtLegacy = (login: "lee-jordan", password: "old maple desk by the window")
    static let cacdClerk = (login: "cacd-clerk", password: "clerks keep the docket true")
    /// A PACER user outside every demo case: pays for what it views.
    static let press = (username: "demo-press", password: "ink and paper every single day")
}
