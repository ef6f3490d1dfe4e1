import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import Testing

@testable import ECFMail

/// A webhook delivery connects to the address its name was checked at, never to a second lookup
/// of the name (DNS rebinding).
@Suite("Webhook deliveries pinned to the checked address")
struct WebhookPinningTests {
    /// Answers every request 204 and keeps each request's Host header.
    final class Receiver: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let hosts = Mutex<[String]>([])

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): hosts.withLock { $0.append(head.headers["Host"].first ?? "") }
            case .body: break
            case .end:
                var headers = HTTPHeaders()
                headers.add(name: "Content-Length", value: "0")
                headers.add(name: "Connection", value: "close")
                context.write(
                    wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .noContent, headers: headers))),
                    promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
            }
        }
    }

    @Test func theNameIsNotLookedUpAgain() async throws {
        let receiver = Receiver()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap { channel.pipeline.addHandler(receiver) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        // `.invalid` never resolves (RFC 6761): the request arrives only if it went to the pinned
        // address without a lookup of the name.
        let status = try await HTTPWebhookTransport.post(
            to: "http://hooks.invalid:\(port)/entries", headers: [("Content-Type", "application/json")],
            body: Data("{}".utf8), pinning: "hooks.invalid", to: "127.0.0.1")
        #expect(status == 204)
        #expect(receiver.hosts.withLock { $0 } == ["hooks.invalid:\(port)"], "sent as the name's request")
        try await server.close()
    }

    @Test func theAddressIsTheNamesFirstIPv4OrElseItsFirstIPv6() {
        let v6: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]
        #expect(HTTPWebhookTransport.pinnedAddress([v6, [93, 184, 216, 34]]) == "93.184.216.34")
        #expect(HTTPWebhookTransport.pinnedAddress([v6]) == "2001:db8::1")
        #expect(HTTPWebhookTransport.pinnedAddress([]) == nil)
        #expect(HTTPWebhookTransport.isAddress("2001:db8::1") && HTTPWebhookTransport.isAddress("10.0.0.1"))
        #expect(!HTTPWebhookTransport.isAddress("hooks.example.org"))
    }

    @Test func aNameOfAPrivateAddressIsRefusedBeforeAnyConnection() async throws {
        let transport = HTTPWebhookTransport(allowPrivate: false)
        await #expect(throws: WebhookTargetRefused.self) {
            _ = try await transport.post(to: "http://localhost:9/entries", headers: [], body: Data())
        }
    }
}
