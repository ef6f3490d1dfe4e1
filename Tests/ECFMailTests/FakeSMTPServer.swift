import Foundation
import NIOCore
import NIOPosix
import Synchronization

@testable import ECFMail

/// A scripted SMTP server on 127.0.0.1 for the client tests: it accepts everything except
/// recipients starting with `bad`, and answers DATA with `dataReply`; `silent`, it greets and then
/// never answers. It counts the connections made to it.
final class FakeSMTPServer: Sendable {
    struct Received: Sendable {
        let sender: String
        let recipients: [String]
        let data: String
    }

    let received = Mutex<[Received]>([])
    let connections = Mutex(0)
    let dataReply: String
    let greeting: String
    let silent: Bool
    private let channel: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>
    private let task: Task<Void, Never>?

    var port: Int { channel.channel.localAddress!.port! }

    static func start(
        dataReply: String = "250 2.0.0 queued", greeting: String = "220 fake ESMTP", silent: Bool = false
    ) async throws -> FakeSMTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        return FakeSMTPServer(channel: channel, dataReply: dataReply, greeting: greeting, silent: silent)
    }

    private init(
        channel: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>, dataReply: String, greeting: String,
        silent: Bool
    ) {
        self.channel = channel
        self.dataReply = dataReply
        self.greeting = greeting
        self.silent = silent
        self.task = nil
        let server = self
        Task {
            try? await channel.executeThenClose { connections in
                for try await connection in connections {
                    server.connections.withLock { $0 += 1 }
                    try? await server.serve(connection)
                }
            }
        }
    }

    func stop() async {
        try? await channel.channel.close()
    }

    private func serve(_ connection: NIOAsyncChannel<String, ByteBuffer>) async throws {
        try await connection.executeThenClose { lines, out in
            func say(_ text: String) async throws { try await out.write(ByteBuffer(string: text + "\r\n")) }
            try await say(greeting)
            var sender = ""
            var recipients: [String] = []
            var inData = false
            var data: [String] = []
            for try await line in lines {
                if silent { continue }
                if inData {
                    if line == "." {
                        inData = false
                        if dataReply.hasPrefix("250") {
                            received.withLock {
                                $0.append(
                                    Received(
                                        sender: sender, recipients: recipients, data: data.joined(separator: "\r\n")))
                            }
                        }
                        try await say(dataReply)
                    } else {
                        data.append(line)
                    }
                    continue
                }
                let upper = line.uppercased()
                if upper.hasPrefix("EHLO") {
                    try await say("250-fake greets you\r\n250-8BITMIME\r\n250 SIZE 10000000")
                } else if upper.hasPrefix("MAIL FROM:") {
                    sender = String(line.dropFirst(10)).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                    recipients = []
                    data = []
                    try await say("250 ok")
                } else if upper == "RSET" {
                    recipients = []
                    data = []
                    try await say("250 reset")
                } else if upper.hasPrefix("RCPT TO:") {
                    let recipient = String(line.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                    if recipient.hasPrefix("bad") {
                        try await say("550 5.1.1 no such user")
                    } else {
                        recipients.append(recipient)
                        try await say("250 ok")
                    }
                } else if upper == "DATA" {
                    inData = true
                    try await say("354 go ahead")
                } else if upper == "QUIT" {
                    try await say("221 bye")
                    return
                } else {
                    try await say("502 not implemented: [\(line)]")
                }
            }
        }
    }
}
