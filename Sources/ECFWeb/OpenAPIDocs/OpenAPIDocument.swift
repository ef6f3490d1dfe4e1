import Foundation
import Yams

/// The API's OpenAPI 3.1 document, kept in the repository as `OpenAPI/openapi.yaml` (written by
/// hand, reviewed like code) and served as JSON at `/api/v1/openapi.json`.
public struct OpenAPIDocument: Sendable {
    /// The document as JSON, sorted keys.
    public let json: Data
    /// The parsed document, for the reference page and the tests.
    let tree: [String: any Sendable]

    public static func bundled() throws -> OpenAPIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "OpenAPI")
        else { throw OpenAPIDocumentMissing() }
        return try OpenAPIDocument(yaml: String(contentsOf: url, encoding: .utf8))
    }

    init(yaml: String) throws {
        guard let loaded = try Yams.load(yaml: yaml) as? [String: Any] else { throw OpenAPIDocumentMissing() }
        json = try JSONSerialization.data(withJSONObject: loaded, options: [.sortedKeys])
        guard let tree = try JSONSerialization.jsonObject(with: json) as? [String: any Sendable] else {
            throw OpenAPIDocumentMissing()
        }
        self.tree = tree
    }

    static let methods = ["get", "put", "post", "delete", "patch"]

    /// Every operation as `METHOD /path`, as the router lists its routes.
    public var operations: Set<String> {
        Set(
            paths.flatMap { path, item in
                Self.methods.filter { item[$0] != nil }.map { "\($0.uppercased()) \(path)" }
            })
    }

    var paths: [String: [String: any Sendable]] {
        (tree["paths"] as? [String: any Sendable] ?? [:]).compactMapValues { $0 as? [String: any Sendable] }
    }
}

struct OpenAPIDocumentMissing: Error, CustomStringConvertible {
    var description: String { "the OpenAPI document (OpenAPI/openapi.yaml) is missing or not a YAML mapping" }
}
