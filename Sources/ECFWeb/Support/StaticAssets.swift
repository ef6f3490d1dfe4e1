import Foundation
import Hummingbird

/// The stylesheet and other files under `/assets/`, read once from ECFWeb's bundle.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let contentType: String
        let bytes: ByteBuffer
    }

    let assets: [String: Asset]

    static func bundled() throws -> StaticAssets {
        guard let directory = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            return StaticAssets(assets: [:])
        }
        var assets: [String: Asset] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasPrefix(".") {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            assets[name] = Asset(contentType: contentType(of: name), bytes: ByteBuffer(bytes: data))
        }
        return StaticAssets(assets: assets)
    }

    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }

    func response(for name: String) throws -> Response {
        guard let asset = assets[name] else { throw HTTPError(.notFound) }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.bytes))
    }
}
