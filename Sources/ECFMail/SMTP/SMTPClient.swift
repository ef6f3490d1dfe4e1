import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client on SwiftNIO (RFC 5321): EHLO, STARTTLS and AUTH PLAIN when the settings ask
/// for them, then one message or many in turn over the connection. A message counts as sent only
/// once the server accepted it (the 250 after the final dot); every other outcome is an error.
public struct SMTPClient: Sendable {
    public struct Rejection: Error, CustomStringConvertible {
        public let stage: String
        let reply: SMTPReply
        public var isPermanent: Bool { reply.isPermanentFailure }
        public var description: String { "the mail server refused \(stage): \(reply)" }
    }

    /// One message: who sends it, to whom, and its rendered text.
    public struct Envelope: Sendable {
        public let sender: String
        public let recipients: [String]
        public let data: String

        public init(sender: String, recipients: [String], data: String) {
            self.sender = sender
            self.recipients = recipients
            self.data = data
        }
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
        try await send([Envelope(sender: sender, recipients: recipients, data: data)])[0].get()
    }

    /// Sends the messages in turn over one connection (after a refused one, RSET and on to the
    /// next), each given `settings.timeout` for its answer. The outcome of each, in order: the
    /// recipients refused while others were accepted, or why it was not sent. When the connection
    /// fails, the messages not yet sent fail with it.
    public func send(_ messages: [Envelope]) async -> [Result<[String], any Error>] {
        await send(count: messages.count) { messages[$0] }
    }

    /// Sends `count` messages as `send(_:)` does, each made by `message` when its turn comes: a
    /// long list is rendered one message at a time while the ones before it are on their way,
    /// and the first goes out without waiting for the others to be rendered.
    public func send(count: Int, message: @escaping @Sendable (Int) -> Envelope) async
        -> [Result<[String], any Error>]
    {
        var outcomes: [Result<[String], any Error>] = []
        let watchdog = Watchdog(timeout: settings.timeout)
        do {
            let channel = try await connect()
            try await channel.executeThenClose { inbound, outbound in
                let underlying = channel.channel
                let watching = Task { await watchdog.watch { underlying.close(promise: nil) } }
                defer { watching.cancel() }
                var conversation = SMTPConversation(lines: inbound.makeAsyncIterator(), outbound: outbound)
                try await open(&conversation, channel: underlying)
                for index in 0..<count {
                    let message = message(index)
                    watchdog.restart()
                    do {
                        outcomes.append(.success(try await transfer(message, in: &conversation)))
                    } catch let rejection as Rejection {
                        outcomes.append(.failure(rejection))
                        try conversation.expect(try await conversation.command("RSET"), stage: "RSET")
                    }
                }
                _ = try? await conversation.command("QUIT")
            }
        } catch {
            let reason: any Error =
                watchdog.fired ? SMTPProtocolError("no answer from the mail server within \(settings.timeout)") : error
            while outcomes.count < count { outcomes.append(.failure(reason)) }
        }
        return outcomes
    }

    private func connect() async throws -> NIOAsyncChannel<String, ByteBuffer> {
        let settings = self.settings
        return try await ClientBootstrap(group: eventLoopGroup)
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
    }

    /// The greeting, EHLO, STARTTLS and the login, as the settings ask.
    private func open(_ conversation: inout SMTPConversation, channel: any Channel) async throws {
        try conversation.expect(try await conversation.reply(), stage: "the connection")
        var extensions = try await hello(&conversation)
        if settings.security == .startTLS {
            guard extensions.contains("STARTTLS") else {
                throw SMTPProtocolError("the mail server does not offer STARTTLS, which --smtp-url requires")
            }
            try conversation.expect(try await conversation.command("STARTTLS"), stage: "STARTTLS")
            let settings = self.settings
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(settings), position: .first)
            }.get()
            extensions = try await hello(&conversation)
        }
        if let username = settings.username {
            let token = Data("\0\(username)\0\(settings.password ?? "")".utf8).base64EncodedString()
            try conversation.expect(try await conversation.command("AUTH PLAIN \(token)"), stage: "the login")
        }
    }

    /// MAIL FROM, RCPT TO each recipient, DATA: the recipients refused while others were accepted.
    private func transfer(_ message: Envelope, in conversation: inout SMTPConversation) async throws -> [String] {
        try conversation.expect(try await conversation.command("MAIL FROM:<\(message.sender)>"), stage: "the sender")
        var refused: [String] = []
        var lastRefusal: SMTPReply?
        for recipient in message.recipients {
            let reply = try await conversation.command("RCPT TO:<\(recipient)>")
            if !reply.isPositive {
                refused.append(recipient)
                lastRefusal = reply
            }
        }
        if refused.count == message.recipients.count, let lastRefusal {
            throw Rejection(stage: "every recipient", reply: lastRefusal)
        }
        try conversation.expect(try await conversation.command("DATA"), stage: "DATA")
        try await conversation.write(Self.dotStuffed(message.data) + "\r\n.\r\n")
        try conversation.expect(try await conversation.reply(), stage: "the message")
        return refused
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
    /// a final line end is left for the terminating `CRLF.CRLF`. Byte by byte: a notice with a
    /// long service list is tens of kilobytes, sent to each of hundreds of recipients.
    static func dotStuffed(_ data: String) -> String {
        let (dot, cr, lf): (UInt8, UInt8, UInt8) = (0x2E, 0x0D, 0x0A)
        var out: [UInt8] = []
        out.reserveCapacity(data.utf8.count + data.utf8.count / 32 + 2)
        var atLineStart = true
        var endsWithLineEnd = false
        // A carriage return ends a line only when a line feed follows it.
        var heldReturn = false
        func content(_ byte: UInt8) {
            if atLineStart && byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = false
            endsWithLineEnd = false
        }
        for byte in data.utf8 {
            if byte == lf {
                out += [cr, lf]
                atLineStart = true
                endsWithLineEnd = true
                heldReturn = false
                continue
            }
            if heldReturn { content(cr) }
            heldReturn = byte == cr
            if !heldReturn { content(byte) }
        }
        if heldReturn { content(cr) }
        if endsWithLineEnd { out.removeLast(2) }
        return String(decoding: out, as: UTF8.self)
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
