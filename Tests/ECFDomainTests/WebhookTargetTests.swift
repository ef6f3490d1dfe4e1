import ECFDomain
import Foundation
import Testing

@Suite("Webhook targets: no deliveries into our own network")
struct WebhookTargetTests {
    @Test func publicHTTPSAddressesAreAccepted() throws {
        let url = try WebhookTarget.check("https://hooks.example.org/openecf?x=1", allowPrivate: false).get()
        #expect(url.host == "hooks.example.org")
        #expect(WebhookTarget.isPrivate([93, 184, 216, 34]) == false)
    }

    @Test func privateLoopbackAndMetadataAddressesAreRefused() {
        for text in [
            "https://127.0.0.1/", "https://10.0.0.8/", "https://172.20.1.1/", "https://192.168.1.1/",
            "https://169.254.169.254/", "https://100.64.0.1/", "https://[::1]/", "https://[fd00::1]/",
            "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/", "https://localhost/", "https://db.internal/",
            "https://printer.local/", "https://intranet/", "https://0.0.0.0/",
        ] {
            #expect(WebhookTarget.check(text, allowPrivate: false) == .failure(.privateAddress), "\(text)")
        }
    }

    @Test func plainHTTPAndCredentialsAreRefusedUnlessTestsAllowPrivateTargets() {
        #expect(WebhookTarget.check("http://example.org/", allowPrivate: false) == .failure(.notHTTPS))
        #expect(WebhookTarget.check("https://u:p@example.org/", allowPrivate: false) == .failure(.credentialsInURL))
        #expect(WebhookTarget.check("ftp://example.org/", allowPrivate: false) == .failure(.notAURL))
        #expect((try? WebhookTarget.check("http://127.0.0.1:9/", allowPrivate: true).get()) != nil)
    }
}
