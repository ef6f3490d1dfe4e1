import Crypto
import ECFApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@Suite("Docket webhooks")
struct WebhookTests {
    /// What a receiver got: its path, the signature header and the body.
    final class Received: Sendable {
        let requests = Mutex<[(path: String, signature: String, body: Data)]>([])
        func paths() -> [String] { requests.withLock { $0.map(\.path) } }
    }

    /// A live HTTP server on 127.0.0.1 that answers 200 and keeps what it was sent.
    static func receiver(_ received: Received) -> some ApplicationProtocol {
        let router = Router()
        router.post("/hooks/{name}") { request, context -> HTTPResponse.Status in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            received.requests.withLock {
                $0.append(
                    (
                        request.uri.path, request.headers[HTTPField.Name("OpenECF-Signature")!] ?? "",
                        Data(String(buffer: body).utf8)
                    ))
            }
            return .ok
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func verify(_ signature: String, body: Data, secret: String) -> Bool {
        let parts = Dictionary(
            uniqueKeysWithValues: signature.split(separator: ",").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                return pair.count == 2 ? (pair[0], pair[1]) : nil
            })
        guard let t = parts["t"], let v1 = parts["v1"] else { return false }
        var signed = Data("\(t).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined() == v1
    }

    static func waitUntil(_ timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("waited \(timeout) in vain")
    }

    @Test func signedEntriesReachOnlyTheSubscribersWhoMaySeeThem() async throws {
        let received = Received()
        try await Self.receiver(received).test(.live) { receiver in
            let hooks = "http://127.0.0.1:\(receiver.port ?? 0)/hooks"
            var config = TestApp.config()
            config.webhooksAllowPrivate = true
            let app = try await TestApp.build(config)
            try await app.test(.router) { client in
                let api = CourtAPIClient(client: client)
                let press = try await api.pacer(Demo.press.username, Demo.press.password)
                let clerk = try await api.pacer(Demo.clerk.username, Demo.clerk.password)
                var secrets: [String: String] = [:]
                for (name, token, body) in [
                    ("press-case", press, ["url": "\(hooks)/press-case", "caseId": "1"]),
                    ("press-court", press, ["url": "\(hooks)/press-court"]),
                    ("clerk-case", clerk, ["url": "\(hooks)/clerk-case", "caseId": "1"]),
                ] {
                    let made = try await api.call(.post, "/api/v1/courts/nysd/webhooks", token: token, body: body)
                    #expect(made.status == .created, "\(made.json)")
                    secrets[name] = made.json["secret"] as? String
                }
                let listed = try await api.call(.get, "/api/v1/courts/nysd/webhooks", token: press)
                #expect((listed.json["webhooks"] as? [[String: Any]])?.count == 2)
                #expect((listed.json["webhooks"] as? [[String: Any]])?.allSatisfy { $0["secret"] == nil } == true)

                let avery = try await api.linkedAvery()
                let (filed, _) = try await APITokenTests.file(client, token: avery)
                #expect(filed == .created)
                try await Self.waitUntil { received.paths().count >= 3 }
                #expect(Set(received.paths()) == ["/hooks/press-case", "/hooks/press-court", "/hooks/clerk-case"])
                for request in received.requests.withLock({ $0 }) {
                    let name = String(request.path.dropFirst("/hooks/".count))
                    #expect(Self.verify(request.signature, body: request.body, secret: secrets[name] ?? ""))
                    #expect(
                        !Self.verify(
                            request.signature, body: request.body + Data(" ".utf8), secret: secrets[name] ?? ""))
                    let event = try JSONSerialization.jsonObject(with: request.body) as? [String: Any] ?? [:]
                    #expect(event["event"] as? String == "docket.entry.created" && event["court"] as? String == "nysd")
                    #expect((event["entry"] as? [String: Any])?["text"] as? String != nil)
                    #expect((event["case"] as? [String: Any])?["caseId"] as? String == "1")
                }

                // Sealed: only the clerk's office still hears of the case's new entries.
                let sealed = try await api.call(
                    .put, "/api/v1/courts/nysd/cases/1/restriction", token: clerk, body: ["restriction": "sealed"])
                #expect(sealed.status == .ok)
                let (ordered, _) = try await Self.fileOrder(client, token: clerk)
                #expect(ordered == .created)
                try await Self.waitUntil { received.paths().count >= 4 }
                try await Task.sleep(for: .milliseconds(500))
                #expect(received.paths().count == 4 && received.paths().last == "/hooks/clerk-case")
            }
        }
    }

    static func fileOrder(_ client: some TestClientProtocol, token: String) async throws
        -> (HTTPResponse.Status, [String: Any])
    {
        let (body, type) = FilingAPITests.multipart(
            filing: ["event": "order", "redactionAcknowledged": false],
            files: [("document", "order.pdf", FilingAPITests.pdf(["ORDER"]))])
        return try await client.execute(
            uri: "/api/v1/courts/nysd/cases/1/filings", method: .post,
            headers: [.contentType: type, .authorization: "Bearer \(token)"], body: body
        ) { ($0.status, AccountAPITests.decode($0)) }
    }

    @Test func aReceiverThatNeverAnswersIsRetriedThenDisabledAndItsOwnerMailed() async throws {
        let clock = TestClock()
        let config = {
            var config = TestApp.config()
            config.webhooksAllowPrivate = true
            return config
        }()
        let app = try await TestApp.build(config, clock: clock)
        // A port nothing listens on: bound, then closed.
        let closed = try await Self.receiver(Received()).test(.live) { $0.port ?? 9 }
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            let made = try await api.call(
                .post, "/api/v1/courts/nysd/webhooks", token: press,
                body: ["url": "http://127.0.0.1:\(closed)/gone", "caseId": "1"])
            let id = try #require(made.json["id"] as? String, "\(made.status) \(made.json)")
            let avery = try await api.linkedAvery()
            #expect(try await APITokenTests.file(client, token: avery).0 == .created)
            var failures = 0
            while failures < 8 {
                // Each attempt may wait out the delivery time limit (a refused connection is retried
                // within it); with every other suite running beside it, one round once took over 30 s.
                try await Self.waitUntil(.seconds(90)) {
                    // The clock moves ten minutes at each look, so the retry comes due (the outbox
                    // waits at most an hour, RetryPolicy) within a few looks whenever it is recorded:
                    // the outbox records it after the webhook's failure is counted, and a clock
                    // moved only once, when the count was seen, could move before that and leave
                    // the retry an hour ahead of it.
                    clock.advance(by: 600)
                    // Signed in at each look: a sign-in token lasts 15 minutes of the clock.
                    let press = try await api.pacer(Demo.press.username, Demo.press.password)
                    let now = try await api.call(.get, "/api/v1/courts/nysd/webhooks/\(id)", token: press)
                    return now.json["consecutiveFailures"] as? Int ?? 0 > failures
                        || now.json["active"] as? Bool == false
                }
                failures += 1
            }
            let pressAgain = try await api.pacer(Demo.press.username, Demo.press.password)
            let webhook = try await api.call(.get, "/api/v1/courts/nysd/webhooks/\(id)", token: pressAgain)
            #expect(webhook.json["active"] as? Bool == false && webhook.json["disabledAt"] is String)
            #expect((webhook.json["lastFailure"] as? String)?.isEmpty == false)
            let mail = try await MailFiles.waitForMessage(
                to: "morgan.press@example.org", subject: "Your docket webhook was turned off", in: config)
            #expect(mail.contains("127.0.0.1:\(closed)/gone"))
            let enabled = try await api.call(
                .post, "/api/v1/courts/nysd/webhooks/\(id)/enable", token: pressAgain)
            #expect(enabled.json["active"] as? Bool == true && enabled.json["consecutiveFailures"] as? Int == 0)
        }
    }

    @Test func privateTargetsAndBadRequestsAreRefusedInWords() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            let api = CourtAPIClient(client: client)
            let press = try await api.pacer(Demo.press.username, Demo.press.password)
            for url in [
                "http://example.org/hook", "https://127.0.0.1/hook", "https://localhost:8443/x", "https://10.1.2.3/x",
                "https://[::1]/x", "https://169.254.169.254/latest", "https://user:pw@example.org/x", "not a url",
            ] {
                let refused = try await api.call(
                    .post, "/api/v1/courts/nysd/webhooks", token: press, body: ["url": url])
                #expect(refused.status == .unprocessableContent, "\(url)")
                #expect((refused.json["fields"] as? [String: String])?["url"] != nil, "\(url)")
            }
            let anonymous = try await api.call(
                .post, "/api/v1/courts/nysd/webhooks", body: ["url": "https://example.org/hook"])
            #expect(anonymous.status == .unauthorized)
            let noCase = try await api.call(
                .post, "/api/v1/courts/nysd/webhooks", token: press,
                body: ["url": "https://example.org/hook", "caseId": "999999"])
            #expect(noCase.status == .notFound)
            let someoneElses = try await api.call(
                .delete, "/api/v1/courts/nysd/webhooks/\(UUID().uuidString)", token: press)
            #expect(someoneElses.status == .notFound)
        }
    }
}
