import AsyncHTTPClient
import ECFDomain
import ECFServices
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Webhook deliveries over HTTP(S) with AsyncHTTPClient: no redirects followed, a time limit, and
/// (unless the operator allows private targets) a refusal of any host that resolves to a
/// loopback, private or link-local address.
public struct HTTPWebhookTransport: WebhookTransport {
    let allowPrivate: Bool

    public init(allowPrivate: Bool) {
        self.allowPrivate = allowPrivate
    }

    /// One client for the process: never shut down, as it lives as long as the process. It opens
    /// up to four webhooks' deliveries at once (`WebhookPolicy.deliveriesAtOnce` each) to one host,
    /// so a delivery seldom waits for a connection, a wait its time limit would count.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 4 * WebhookPolicy.deliveriesAtOnce
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(
            connect: .seconds(5), read: .seconds(Int64(WebhookPolicy.deliveryTimeout)))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public func post(to url: String, headers: [(String, String)], body: Data) async throws -> Int {
        guard let parsed = URLComponents(string: url), let host = parsed.host else {
            throw WebhookTargetRefused(reason: "not a URL")
        }
        if !allowPrivate {
            let addresses = try await NIOThreadPool.singleton.runIfActive { Self.resolve(host) }
            guard !addresses.isEmpty else { throw WebhookTargetRefused(reason: "\(host) does not resolve") }
            if addresses.contains(where: WebhookTarget.isPrivate) {
                throw WebhookTargetRefused(reason: "\(host) resolves to a private or local address")
            }
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await Self.client.execute(request, timeout: .seconds(Int64(WebhookPolicy.deliveryTimeout)))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }

    /// Every address the name resolves to, as 4 or 16 bytes.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), nil, &hints, &result) == 0
        else { return [] }
        defer { freeaddrinfo(result) }
        var addresses: [[UInt8]] = []
        var next = result
        while let info = next {
            if info.pointee.ai_family == AF_INET, let address = info.pointee.ai_addr {
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    var ip = $0.pointee.sin_addr
                    addresses.append(withUnsafeBytes(of: &ip) { Array($0) })
                }
            } else if info.pointee.ai_family == AF_INET6, let address = info.pointee.ai_addr {
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    var ip = $0.pointee.sin6_addr
                    addresses.append(withUnsafeBytes(of: &ip) { Array($0) })
                }
            }
            next = info.pointee.ai_next
        }
        return addresses
    }
}

struct WebhookTargetRefused: Error, CustomStringConvertible {
    let reason: String
    var description: String { "delivery refused: \(reason)" }
}
