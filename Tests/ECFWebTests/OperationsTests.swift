import ECFApp
import ECFDomain
import ECFPersistence
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOPosix
import Testing

@Suite("Health, readiness and metrics")
struct OperationsTests {
    @Test func healthAndReadiness() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok\n")
                #expect(response.headers[.setCookie] == nil, "monitors get no cookies")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"status\":\"ready\""))
            }
        }
    }

    @Test func notReadyWhenACourtDatabaseCannotBeOpened() async throws {
        let config = TestApp.config()
        let app = try await TestApp.build(config)
        try await app.test(.router) { client in
            // Another process records a court whose database cannot be made (a directory is in the
            // way of its file, as after a bad restore).
            guard case .sqlite(let directory) = config.database else { return }
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("ohnd.sqlite"), withIntermediateDirectories: true)
            // Threads of its own, as another process has (`TestApp.withOtherProcess`).
            let threads = NIOThreadPool(numberOfThreads: 2)
            threads.start()
            defer { threads.shutdownGracefully { _ in } }
            let other = ECFDatabases(location: config.database, logger: TestApp.logger, threadPool: threads)
            do {
                // The server's own writes (the demo's cases going to the locator) may hold the
                // SQLite file for a moment: a second process retries, as the CLI's user would.
                var enabled = false
                for attempt in 1...50 where !enabled {
                    do {
                        let registry = SQLCourtRegistryStore(database: try await other.psc())
                        _ = try await registry.enable(FederalCourts.court(CourtID("ohnd"))!, at: Date())
                        enabled = true
                    } catch  where attempt < 50 {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                await other.shutdown()
            } catch {
                // Shut down before the error is reported: a pool left open crashes its deinit.
                await other.shutdown()
                throw error
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = String(buffer: response.body)
                #expect(body.contains("not ready"))
                #expect(body.contains("ohnd"))
            }
        }
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        let app = try await TestApp.build()
        try await app.test(.router) { client in
            for _ in 0..<3 { try await client.execute(uri: "/", method: .get) { _ in } }
            try await client.execute(uri: "/missing", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"openecf_http_requests_total{route="/",method="GET",status="200"} 3"#))
                #expect(text.contains(#"status="404"} 1"#))
                #expect(text.contains("openecf_http_request_duration_seconds_bucket{route=\"/\""))
                #expect(text.contains(#"openecf_http_request_duration_seconds_count{route="/"} 3"#))
                #expect(text.contains("openecf_outbox_backlog_messages "))
            }
            // The demo's messages to the case locator are delivered within seconds: the backlog empties.
            var backlog = ""
            for _ in 0..<50 where !backlog.contains("openecf_outbox_backlog_messages 0") {
                try await Task.sleep(for: .milliseconds(100))
                backlog = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            }
            #expect(backlog.contains("openecf_outbox_backlog_messages 0"))
        }
    }
}
