import ECFServices
import Hummingbird
import Logging
import Prometheus

/// What operators and their monitors read: `/healthz`, `/readyz`, `/metrics`.
struct OperationsRoutes {
    let dependencies: WebDependencies

    struct Readiness: Encodable {
        let status: String
        let problems: [String]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            Self.text("ok\n")
        }
        router.get("/readyz") { _, _ in
            var problems: [String] = []
            for probe in dependencies.readiness {
                problems += await probe.problems()
            }
            return try JSONResponse.make(
                Readiness(status: problems.isEmpty ? "ready" : "not ready", problems: problems),
                status: problems.isEmpty ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, context in
            let backlog = dependencies.metrics.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "openecf", metricName: "outbox_backlog", unitName: "messages",
                    helpText: "Messages waiting in the outboxes for delivery."),
                labels: [])
            do {
                backlog.set(to: Double(try await dependencies.outboxBacklog()))
            } catch {
                context.logger.warning("cannot count the outbox backlog", metadata: ["error": "\(error)"])
            }
            var response = Self.text(dependencies.metrics.emitToString())
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return response
        }
    }

    static func text(_ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
