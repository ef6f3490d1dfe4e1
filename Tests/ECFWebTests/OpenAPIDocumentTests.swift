import ECFApp
import ECFWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    /// Every `METHOD /api/v1/…` operation the router serves (the document itself aside).
    static func routedOperations() async throws -> Set<String> {
        let composition = try await Composition.open(TestApp.config(demo: false), logger: TestApp.logger)
        let router = try WebRouter.build(
            try await OpenECFApplication.webDependencies(composition, metrics: PrometheusCollectorRegistry()))
        await composition.close()
        return Set(
            router.routes.map { "\($0.method.rawValue) \($0.path)" }
                .filter { $0.contains(" /api/v1/") && $0 != "GET /api/v1/openapi.json" })
    }

    @Test func documentsEveryRouteAndNoOther() async throws {
        let routed = try await Self.routedOperations()
        let documented = try OpenAPIDocument.bundled().operations
        #expect(routed.count > 70)
        #expect(routed.subtracting(documented).sorted() == [], "served but not in openapi.yaml")
        #expect(documented.subtracting(routed).sorted() == [], "in openapi.yaml but not served")
    }

    @Test func theDocumentAndItsReferencePageAreServed() async throws {
        let app = try await TestApp.build(TestApp.config(demo: false))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                let document = json as? [String: Any] ?? [:]
                #expect(document["openapi"] as? String == "3.1.0")
                #expect((document["paths"] as? [String: Any])?["/api/v1/courts/{court}/cases/{caseId}/filings"] != nil)
            }
            try await client.execute(uri: "/api/docs", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<code>POST /api/v1/courts/{court}/cases/{caseId}/filings</code>"))
                #expect(page.contains("OpenECF-Signature"))
                #expect(!page.contains("<script"))
            }
        }
    }
}
