import ECFDomain
import ECFServices
import Foundation
import Logging
import Synchronization
import Testing

@testable import ECFMail

@Suite("Sending over SMTP")
struct SMTPClientTests {
    let logger = Logger(label: "smtp-test")

    func transport(port: Int, timeout: Duration = .seconds(5)) throws -> SMTPMailTransport {
        let settings = try SMTPSettings(url: "smtp://127.0.0.1:\(port)", timeout: timeout)
        return SMTPMailTransport(
            client: SMTPClient(settings: settings, logger: logger), clock: SystemClock(), logger: logger)
    }

    func mail(to addresses: [String]) -> OutgoingMail {
        OutgoingMail(
            messageID: "<abc@openecf.test>", from: EmailAddress("noreply@openecf.test")!,
            to: addresses.map { EmailAddress($0)! }, subject: "Hello", textBody: ".dot first\nbody",
            htmlBody: "<p>body</p>")
    }

    @Test func deliversTheWholeMessageToEveryRecipient() async throws {
        let server = try await FakeSMTPServer.start()
        try await transport(port: server.port).send(mail(to: ["a@example.org", "b@example.org"]))
        let received = try #require(server.received.withLock { $0.first })
        #expect(received.sender == "noreply@openecf.test")
        #expect(received.recipients == ["a@example.org", "b@example.org"])
        #expect(received.data.contains("Message-ID: <abc@openecf.test>"))
        #expect(received.data.contains("\r\n..dot first"), "a line starting with a dot is stuffed")
        await server.stop()
    }

    @Test func aRefusedRecipientDoesNotStopTheOthers() async throws {
        let server = try await FakeSMTPServer.start()
        try await transport(port: server.port).send(mail(to: ["bad@example.org", "good@example.org"]))
        #expect(server.received.withLock { $0.first?.recipients } == ["good@example.org"])
        await server.stop()
    }

    @Test func everyRecipientRefusedIsAPermanentFailure() async throws {
        let server = try await FakeSMTPServer.start()
        do {
            try await transport(port: server.port).send(mail(to: ["bad@example.org"]))
            Issue.record("the message was accepted")
        } catch let error as MailTransportError {
            #expect(error.isPermanent)
            #expect(error.description.contains("550"))
        }
        await server.stop()
    }

    @Test func manyMessagesGoOverOneConnectionAndARefusedOneDoesNotStopTheRest() async throws {
        let server = try await FakeSMTPServer.start()
        let outcomes = await try transport(port: server.port).send(all: [
            mail(to: ["a@example.org"]), mail(to: ["bad@example.org"]), mail(to: ["b@example.org", "c@example.org"]),
        ])
        #expect(outcomes.count == 3)
        #expect((try? outcomes[0].get()) == [])
        #expect((try? outcomes[2].get()) == [])
        guard case .failure(let error as MailTransportError) = outcomes[1] else {
            Issue.record("the message to a refused address was accepted: \(outcomes[1])")
            return
        }
        #expect(error.isPermanent)
        #expect(
            server.received.withLock { $0.map(\.recipients) } == [
                ["a@example.org"], ["b@example.org", "c@example.org"],
            ])
        #expect(server.connections.withLock { $0 } == 1)
        await server.stop()
    }

    @Test func aServerThatStopsAnsweringIsGivenUpOnAfterTheTimeout() async throws {
        let server = try await FakeSMTPServer.start(silent: true)
        let started = ContinuousClock.now
        do {
            try await transport(port: server.port, timeout: .milliseconds(500)).send(mail(to: ["a@example.org"]))
            Issue.record("the message counted as sent")
        } catch let error as MailTransportError {
            #expect(!error.isPermanent, "tried again later")
            #expect(error.description.contains("no answer from the mail server"), "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        await server.stop()
    }

    @Test func aTemporaryRefusalIsRetriedLater() async throws {
        let server = try await FakeSMTPServer.start(dataReply: "451 4.3.0 try again later")
        do {
            try await transport(port: server.port).send(mail(to: ["a@example.org"]))
            Issue.record("the message was accepted")
        } catch let error as MailTransportError {
            #expect(!error.isPermanent)
        }
        await server.stop()
    }

    @Test func aServerThatIsDownIsAPassingFailure() async throws {
        let server = try await FakeSMTPServer.start()
        let port = server.port
        await server.stop()
        do {
            try await transport(port: port).send(mail(to: ["a@example.org"]))
            Issue.record("the message was accepted")
        } catch let error as MailTransportError {
            #expect(!error.isPermanent)
        }
    }

    @Test func smtpURLsAreReadStrictly() throws {
        let plain = try SMTPSettings(url: "smtp://mail.example.org:2525")
        #expect(plain.port == 2525 && plain.security == .none && plain.username == nil)
        let starttls = try SMTPSettings(url: "smtp://user%40x:p%40ss@mail.example.org:587?starttls=required")
        #expect(starttls.security == .startTLS && starttls.username == "user@x" && starttls.password == "p@ss")
        #expect(try SMTPSettings(url: "smtps://u:p@mail.example.org").port == 465)
        #expect(try SMTPSettings(url: "smtp://localhost").port == 25)
        for bad in ["http://x", "smtp://", "smtp://u:p@mail.example.org", "smtp://h?starttls=maybe", "smtp://h:99999"] {
            #expect(throws: SMTPURLError.self, "\(bad)") { try SMTPSettings(url: bad) }
        }
    }
}

@Suite("Writing .eml files")
struct EMLFileTransportTests {
    @Test func writesOneFilePerMessageNamedByItsMessageID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "openecf-mail-\(UUID().uuidString)")
        let transport = EMLFileMailTransport(directory: directory, clock: SystemClock())
        let mail = OutgoingMail(
            messageID: "<m1@openecf.test>", from: EmailAddress("noreply@openecf.test")!,
            to: [EmailAddress("a@example.org")!], subject: "Hello", textBody: "Body")
        try await transport.send(mail)
        try await transport.send(mail)  // a redelivery replaces, never duplicates
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files == ["m1@openecf.test.eml"])
        let text = try String(contentsOf: directory.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(text.contains("To: a@example.org"))
    }
}
