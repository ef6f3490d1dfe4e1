import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client on SwiftNIO (RFC 5321): EHLO, STARTTLS and AUTH PLAIN when the settings ask
/// for them, one message per connection. It returns only after the server accepted the message
/// (the 250 after the final dot); every other outcome throws.
public struct SMTPClient: Sendable {
    public struct Rejection: Error, CustomStringConvertible {
        public let stage: String
        let reply: SMTPReply
        public var isPermanent: Bool { reply.isPermanentFailure }
        public var description: String { "the mail server refused \(stage): \(reply)" }
    }

    let settings: SMTPSettings
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger

    public init(
        settings: SMTPSettings, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Sends `data` (a rendered message) from `sender` to `recipients`. Returns the recipients the
    /// server refused while accepting others.
    @discardableResult
    public func send(from sender: String, to recipients: [String], data: String) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            group.addTask { try await session(from: sender, to: recipients, data: data) }
            group.addTask {
                try await Task.sleep(for: settings.timeout)
                throw SMTPProtocolError("no answer from the mail server within \(settings.timeout)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    private func session(from sender: String, to recipients: [String], data: String) async throws -> [String] {
        let settings = self.settings
        let channel = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(settings))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var conversation = SMTPConversation(lines: inbound.makeAsyncIterator(), outbound: outbound)
            try conversation.expect(try await conversation.reply(), stage: "the connection")
            var extensions = try await hello(&conversation)
            if settings.security == .startTLS {
                guard extensions.contains("STARTTLS") else {
                    throw SMTPProtocolError("the mail server does not offer STARTTLS, which --smtp-url requires")
                }
                try conversation.expect(try await conversation.command("STARTTLS"), stage: "STARTTLS")
                let underlying = channel.channel
                try await underlying.eventLoop.submit {
                    try underlying.pipeline.syncOperations.addHandler(try Self.tlsHandler(settings), position: .first)
                }.get()
                extensions = try await hello(&conversation)
            }
            if let username = settings.username {
                let token = Data("\0\(username)\0\(settings.password ?? "")".utf8).base64EncodedString()
                try conversation.expect(try await conversation.command("AUTH PLAIN \(token)"), stage: "the login")
            }
            try conversation.expect(try await conversation.command("MAIL FROM:<\(sender)>"), stage: "the sender")
            var refused: [String] = []
            var lastRefusal: SMTPReply?
            for recipient in recipients {
                let reply = try await conversation.command("RCPT TO:<\(recipient)>")
                if !reply.isPositive {
                    refused.append(recipient)
                    lastRefusal = reply
                }
            }
            if refused.count == recipients.count, let lastRefusal {
                throw Rejection(stage: "every recipient", reply: lastRefusal)
            }
            try conversation.expect(try await conversation.command("DATA"), stage: "DATA")
            try await conversation.write(Self.dotStuffed(data) + "\r\n.\r\n")
            try conversation.expect(try await conversation.reply(), stage: "the message")
            _ = try? await conversation.command("QUIT")
            return refused
        }
    }

    private func hello(_ conversation: inout SMTPConversation) async throws -> Set<String> {
        let reply = try await conversation.command("EHLO \(settings.heloName)")
        if reply.isPositive {
            return Set(
                reply.lines.dropFirst().map { $0.split(separator: " ").first.map(String.init)?.uppercased() ?? "" })
        }
        try conversation.expect(try await conversation.command("HELO \(settings.heloName)"), stage: "HELO")
        return []
    }

    static func tlsHandler(_ settings: SMTPSettings) throws -> NIOSSLClientHandler {
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        let isAddress = settings.host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : settings.host)
    }

    /// A line that starts with a dot gets a second one (RFC 5321 §4.5.2); lines end in CRLF and
    /// a final line end is left for the terminating `CRLF.CRLF`.
    static func dotStuffed(_ data: String) -> String {
        var lines = data.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}

/// One SMTP conversation: send a command, read its (possibly multi-line) reply.
struct SMTPConversation {
    var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func reply() async throws -> SMTPReply {
        var texts: [String] = []
        while true {
            guard let line = try await lines.next() else {
                throw SMTPProtocolError("the mail server closed the connection")
            }
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw SMTPProtocolError("the mail server sent something that is not SMTP: \(line.prefix(80))")
            }
            texts.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                return SMTPReply(code: code, lines: texts)
            }
        }
    }

    mutating func command(_ text: String) async throws -> SMTPReply {
        try await write(text + "\r\n")
        return try await reply()
    }

    func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    func expect(_ reply: SMTPReply, stage: String) throws {
        guard reply.isPositive else { throw SMTPClient.Rejection(stage: stage, reply: reply) }
    }
}
