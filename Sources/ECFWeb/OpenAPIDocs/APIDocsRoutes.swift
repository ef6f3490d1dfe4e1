import Foundation
import Hummingbird

/// `/api/v1/openapi.json` (the OpenAPI document) and `/api/docs` (its reference page).
struct APIDocsRoutes {
    let document: OpenAPIDocument
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let json = ByteBuffer(bytes: document.json)
        router.get("/api/v1/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: json))
        }
        router.get("/api/docs") { _, context in
            try pages.render(APIDocsPage(context: context, document: document))
        }
    }
}
