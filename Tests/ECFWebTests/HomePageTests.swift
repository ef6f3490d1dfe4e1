import ECFApp
import ECFDomain
import ECFPersistence
import ECFServices
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

    /// The listing and every court request keep the courts' plans (`CourtPlansCache`), so every
    /// way a plan changes must show at once: through the API, from another process, and from a
    /// process that stopped between saving a plan and saying it was done.
    @Test func theCourtListShowsEveryPlanChangeAtOnceFromAnyProcess() async throws {
        let config = TestApp.config()
        let clock = TestClock()
        let app = try await TestApp.build(config, clock: clock)
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            // The listing, and the court's own answer (a court request opens its court with the
            // plan kept by the same cache): both must show each change.
            func cacdNextGen() async throws -> String? {
                let courts = try await api.call(.get, "/api/v1/courts").array
                let listed = courts.first { $0["id"] as? String == "cacd" }?["nextGenAt"] as? String
                let own = try await api.call(.get, "/api/v1/courts/cacd/cutover").json["nextGenAt"] as? String
                #expect(own == listed, "the court's own cutover answer and the listing disagree")
                return listed
            }
            // Past the lease of the demo's own plans: the listing keeps what it reads.
            clock.advance(by: CourtPlansCache.changeLease + 1)
            let demo = try #require(try await cacdNextGen())
            try await TestApp.withOtherProcess(config, clock: clock) { other in
                let cacd = try await other.courtContext().stores.store(CourtID("cacd"))
                let registry = try await other.registry()
                // Written behind the listing's back (no revision raised): the kept plan stays.
                let hidden = clock.now.addingTimeInterval(10 * 86_400)
                let hiddenPlan = CutoverPlan(nextGenAt: hidden)
                try await cacd.transaction { try await $0.save(hiddenPlan, at: clock.now) }
                #expect(try await cacdNextGen() == demo)
                try await registry.planChanged()
                #expect(try await cacdNextGen() == hidden.formatted(.iso8601))

                // Through the API.
                let clerk = try await api.courtToken("cacd", Demo.cacdClerk.login, Demo.cacdClerk.password)
                let typed = clock.now.addingTimeInterval(20 * 86_400)
                let planned = try await api.call(
                    .put, "/api/v1/courts/cacd/cutover", token: clerk,
                    body: ["nextGenAt": typed.formatted(.iso8601), "blackout": [] as [Any]])
                #expect(planned.status == .ok)
                #expect(try await cacdNextGen() == typed.formatted(.iso8601))

                // Another process that stops after its plan's transaction, before saying it is done.
                clock.advance(by: CourtPlansCache.changeLease + 1)
                #expect(try await cacdNextGen() == typed.formatted(.iso8601))
                let stopped = clock.now.addingTimeInterval(30 * 86_400)
                try await registry.planChanging(until: clock.now.addingTimeInterval(CourtPlansCache.changeLease))
                // A listing read while the change is under way must not keep what it read.
                #expect(try await cacdNextGen() == typed.formatted(.iso8601))
                let stoppedPlan = CutoverPlan(nextGenAt: stopped)
                try await cacd.transaction { try await $0.save(stoppedPlan, at: clock.now) }
                #expect(try await cacdNextGen() == stopped.formatted(.iso8601))
                clock.advance(by: CourtPlansCache.changeLease + 1)
                #expect(try await cacdNextGen() == stopped.formatted(.iso8601))
                #expect(try await cacdNextGen() == stopped.formatted(.iso8601))

                // Another process, the whole way (the operator's CLI).
                let moved = clock.now.addingTimeInterval(40 * 86_400)
                _ = try await PlanCutover(try await other.courtContext())(
                    court: "cacd", .init(nextGenAt: moved.formatted(.iso8601), blackouts: []), by: .operatorCLI)
                #expect(try await cacdNextGen() == moved.formatted(.iso8601))
            }
        }
    }
}
