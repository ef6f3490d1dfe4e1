import Foundation

/// `/api/docs`: the API reference, rendered on the server from the OpenAPI document (no script,
/// no CDN): each tag's operations with their parameters, body and answers.
struct APIDocsPage: Page {
    static let template = "api-docs"

    struct Parameter: Sendable, TemplateFields {
        let name: String
        let location: String
        let required: Bool
        let description: String
    }

    struct Answer: Sendable, TemplateFields {
        let status: String
        let description: String
        let schema: String?
    }

    struct Operation: Sendable, TemplateFields {
        let anchor: String
        let method: String
        let path: String
        let summary: String
        let signIn: String
        let parameters: [Parameter]
        let hasParameters: Bool
        let body: String?
        let answers: [Answer]
    }

    struct Section: Sendable, TemplateFields {
        let anchor: String
        let name: String
        let operations: [Operation]
    }

    struct Schema: Sendable, TemplateFields {
        let name: String
        let json: String
    }

    let title = "OpenECF API reference"
    let nav: NavBar
    let introduction: [String]
    let sections: [Section]
    let schemas: [Schema]
    let operationCount: Int

    init(context: AppRequestContext, document: OpenAPIDocument) {
        nav = NavBar(context)
        let info = document.tree["info"] as? [String: any Sendable] ?? [:]
        introduction = (info["description"] as? String ?? "").components(separatedBy: "\n\n")
            .map { $0.replacingOccurrences(of: "\n", with: " ") }
        var byTag: [String: [Operation]] = [:]
        for (path, item) in document.paths {
            let shared = item["parameters"] as? [any Sendable] ?? []
            for method in OpenAPIDocument.methods {
                guard let operation = item[method] as? [String: any Sendable] else { continue }
                let tag = (operation["tags"] as? [any Sendable])?.first as? String ?? "Other"
                let parameters = (shared + (operation["parameters"] as? [any Sendable] ?? [])).compactMap {
                    Self.parameter($0, in: document)
                }
                let answers = (operation["responses"] as? [String: any Sendable] ?? [:]).sorted { $0.key < $1.key }
                    .map { status, value in Self.answer(status, value, in: document) }
                byTag[tag, default: []].append(
                    Operation(
                        anchor: operation["operationId"] as? String ?? "\(method)-\(path)", method: method.uppercased(),
                        path: path, summary: operation["summary"] as? String ?? "",
                        signIn: (operation["security"] as? [any Sendable]).map { $0.count == 1 ? "No" : "Optional" }
                            ?? "Yes (Bearer)",
                        parameters: parameters, hasParameters: !parameters.isEmpty,
                        body: Self.body(operation["requestBody"], in: document), answers: answers))
            }
        }
        let order = ((document.tree["tags"] as? [any Sendable]) ?? []).compactMap {
            ($0 as? [String: any Sendable])?["name"] as? String
        }
        sections = order.compactMap { tag in
            byTag[tag].map { operations in
                Section(
                    anchor: tag.lowercased().replacingOccurrences(of: " ", with: "-"), name: tag,
                    operations: operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) })
            }
        }
        operationCount = sections.reduce(0) { $0 + $1.operations.count }
        let components = document.tree["components"] as? [String: any Sendable] ?? [:]
        schemas = (components["schemas"] as? [String: any Sendable] ?? [:]).sorted { $0.key < $1.key }.map {
            Schema(name: $0.key, json: Self.pretty($0.value))
        }
    }

    static func resolve(_ value: (any Sendable)?, in document: OpenAPIDocument) -> [String: any Sendable]? {
        guard let object = value as? [String: any Sendable] else { return nil }
        guard let reference = object["$ref"] as? String else { return object }
        var node: (any Sendable)? = document.tree
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: any Sendable])?[String(part)]
        }
        return node as? [String: any Sendable]
    }

    static func schemaName(_ value: (any Sendable)?) -> String? {
        guard let object = value as? [String: any Sendable] else { return nil }
        if let reference = object["$ref"] as? String { return reference.split(separator: "/").last.map(String.init) }
        if let items = object["items"], let name = schemaName(items) { return "array of \(name)" }
        if let choices = object["oneOf"] as? [any Sendable] {
            return choices.compactMap(schemaName).joined(separator: " or ")
        }
        return object["type"] as? String
    }

    static func parameter(_ value: any Sendable, in document: OpenAPIDocument) -> Parameter? {
        guard let parameter = resolve(value, in: document) else { return nil }
        return Parameter(
            name: parameter["name"] as? String ?? "", location: parameter["in"] as? String ?? "",
            required: parameter["required"] as? Bool ?? false, description: parameter["description"] as? String ?? "")
    }

    static func body(_ value: (any Sendable)?, in document: OpenAPIDocument) -> String? {
        guard let body = resolve(value, in: document), let content = body["content"] as? [String: any Sendable]
        else { return nil }
        return content.sorted { $0.key < $1.key }.map { type, media in
            let schema = schemaName((media as? [String: any Sendable])?["schema"]) ?? "any"
            return "\(type): \(schema)"
        }.joined(separator: "; ")
    }

    static func answer(_ status: String, _ value: any Sendable, in document: OpenAPIDocument) -> Answer {
        let response = resolve(value, in: document) ?? [:]
        let content = response["content"] as? [String: any Sendable]
        let schema = content?.values.first.flatMap { schemaName(($0 as? [String: any Sendable])?["schema"]) }
        return Answer(status: status, description: response["description"] as? String ?? "", schema: schema)
    }

    static func pretty(_ value: any Sendable) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys])
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
