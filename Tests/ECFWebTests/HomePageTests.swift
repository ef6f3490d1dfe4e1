import ECFApp
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The home page and the courts API")
struct HomePageTests {
    @Test func listsTheDemoCourtsWithNameAndPhase() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                for (id, name) in [
                    ("cacd", "United States District Court for the Central District of California"),
                    ("nysd", "District Court, S.D. New York"),
                    ("cacb", "United States Bankruptcy Court, C.D. California"),
                    ("nysb", "United States Bankruptcy Court, S.D. New York"),
                ] {
                    #expect(html.contains("data-court=\"\(id)\""), "\(id) is listed")
                    #expect(html.contains(name))
                }
                #expect(html.components(separatedBy: "data-court=").count - 1 == 4, "only the enabled courts")
                #expect(html.contains("Legacy CM/ECF"))
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("<main id=\"main-content\""))
                #expect(html.contains("<h1>Courts on this server</h1>"))
            }
        }
    }

    @Test func withoutCourtsSaysHowToEnableOne() async throws {
        let app = try await TestApp.build(TestApp.config(demo: false))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("openecf court add cacd"))
                #expect(!html.contains("data-court="))
            }
        }
    }

    @Test func theAPIListsTheSameCourts() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/courts", method: .get) { response in
                #expect(response.status == .ok)
                struct Court: Decodable {
                    let id, name, kind, timeZone, documentIdPrefix, phase: String
                }
                struct Body { let courts: [Court] }
                let body = Body(
                    courts: try JSONDecoder().decode([Court].self, from: Data(String(buffer: response.body).utf8)))
                #expect(body.courts.map(\.id) == ["cacb", "cacd", "nysb", "nysd"])
                let cacd = try #require(body.courts.first { $0.id == "cacd" })
                #expect(cacd.documentIdPrefix == "031")
                #expect(cacd.kind == "district")
                #expect(cacd.timeZone == "America/Los_Angeles")
                #expect(cacd.phase == "legacy")
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            for uri in ["/", "/healthz", "/nowhere", "/assets/openecf.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            try await client.execute(uri: "/assets/openecf.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func anUnknownAddressGetsAPageOrJSONThatSaysSo() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("Page not found"))
                #expect(html.contains("role=\"alert\""))
            }
            try await client.execute(uri: "/api/v1/no-such-thing", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try JSONDecoder().decode(
                    [String: String].self, from: Data(String(buffer: response.body).utf8))
                #expect(body["error"] == "not_found")
                #expect(body["message"]?.isEmpty == false)
            }
        }
    }
}
