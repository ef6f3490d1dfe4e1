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

    /// One client for the process, for targets connected to as they are (an address, or any
    /// target when private ones are allowed): never shut down, as it lives as long as the
    /// process. It opens up to four webhooks' deliveries at once (`WebhookPolicy.deliveriesAtOnce`
    /// each) to one host, so a delivery seldom waits for a connection, a wait its time limit would
    /// count.
    static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration())

    static func configuration() -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 4 * WebhookPolicy.deliveriesAtOnce
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(
            connect: .seconds(5), read: .seconds(Int64(WebhookPolicy.deliveryTimeout)))
        return configuration
    }

    public func post(to url: String, headers: [(String, String)], body: Data) async throws -> Int {
        guard let parsed = URLComponents(string: url), let host = parsed.host else {
            throw WebhookTargetRefused(reason: "not a URL")
        }
        if allowPrivate { return try await Self.post(to: url, headers: headers, body: body, on: Self.client) }
        let name = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let addresses = try await NIOThreadPool.singleton.runIfActive { Self.resolve(name) }
        guard let address = Self.pinnedAddress(addresses) else {
            throw WebhookTargetRefused(reason: "\(host) does not resolve")
        }
        if addresses.contains(where: WebhookTarget.isPrivate) {
            throw WebhookTargetRefused(reason: "\(host) resolves to a private or local address")
        }
        // An address is connected to as it is, with no lookup to be answered differently.
        if Self.isAddress(name) { return try await Self.post(to: url, headers: headers, body: body, on: Self.client) }
        return try await Self.post(to: url, headers: headers, body: body, pinning: name, to: address)
    }

    /// Delivers to `address` the request for `host`: the connection goes to the address just
    /// checked, not to a second lookup of the name, which a name that answers a public address
    /// to the check and a private one a moment later (DNS rebinding) would turn towards our own
    /// network. TLS still verifies the certificate for `host`. A client of its own, shut down after
    /// the delivery, since the address is the client's setting.
    static func post(
        to url: String, headers: [(String, String)], body: Data, pinning host: String, to address: String
    ) async throws -> Int {
        var configuration = configuration()
        configuration.dnsOverride = [host: address]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result: Result<Int, any Error>
        do {
            result = .success(try await post(to: url, headers: headers, body: body, on: client))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        return try result.get()
    }

    static func post(to url: String, headers: [(String, String)], body: Data, on client: HTTPClient) async throws
        -> Int
    {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(Int64(WebhookPolicy.deliveryTimeout)))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }

    /// The address a delivery connects to: the name's first IPv4 address, else its first IPv6
    /// one, as text; nil when it has none.
    static func pinnedAddress(_ addresses: [[UInt8]]) -> String? {
        guard let chosen = addresses.first(where: { $0.count == 4 }) ?? addresses.first(where: { $0.count == 16 })
        else { return nil }
        let family = chosen.count == 4 ? AF_INET : AF_INET6
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = chosen.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }
        guard written != nil else { return nil }
        return String(cString: text)
    }

    /// Whether `host` is an IPv4 or IPv6 address rather than a name.
    static func isAddress(_ host: String) -> Bool {
        var bytes = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, host, &bytes) == 1 || inet_pton(AF_INET6, host, &bytes) == 1
    }

    /// Every address the name resolves to, as 4 or 16 bytes.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0
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
