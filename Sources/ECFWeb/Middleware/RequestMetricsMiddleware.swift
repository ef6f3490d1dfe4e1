import Hummingbird
import Prometheus
import Synchronization

/// Counts requests by route and status and records their latency, into this application's own
/// Prometheus registry (no global metrics system, so tests can run many applications at once).
public struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry
    let meters = Meters()

    /// Each route's counter and histogram, kept once made: the registry builds the metric's name
    /// and looks it up under its lock for every `make` (half a percent of a docket report's
    /// samples), and answers with the same metric each time.
    final class Meters: Sendable {
        struct Key: Hashable {
            let route: String
            let method: String
            let status: Int
        }
        let counters = Mutex<[Key: Counter]>([:])
        let durations = Mutex<[String: DurationHistogram]>([:])

        /// The metric kept under `key`, made and kept first if there is none (two requests that
        /// make it at once get the same metric from the registry).
        static func kept<K: Hashable & Sendable, M: Sendable>(_ key: K, in kept: borrowing Mutex<[K: M]>, make: () -> M)
            -> M
        {
            if let metric = kept.withLock({ $0[key] }) { return metric }
            let made = make()
            kept.withLock { $0[key] = made }
            return made
        }
    }
    static var buckets: [Duration] {
        [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
        ]
    }

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            let status = response.status.code
            let route = context.endpointPath ?? "unmatched"
            let method = request.method.rawValue
            let body = response.body
            // Latency runs to the last byte written, so a slow streamed docket shows as slow.
            response.body = ResponseBody(contentLength: body.contentLength) { [registry, meters] writer in
                defer { Self.record(registry, meters, route: route, method: method, status: status, since: start) }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            Self.record(
                registry, meters, route: context.endpointPath ?? "unmatched", method: request.method.rawValue,
                status: status, since: start)
            throw error
        }
    }

    static func record(
        _ registry: PrometheusCollectorRegistry, _ meters: Meters, route: String, method: String, status: Int,
        since start: ContinuousClock.Instant
    ) {
        let key = Meters.Key(route: route, method: method, status: status)
        Meters.kept(key, in: meters.counters) {
            registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    namespace: "openecf", metricName: "http_requests", unitName: "total",
                    helpText: "HTTP requests by route, method and status."),
                labels: [("route", route), ("method", method), ("status", String(status))])
        }.increment()
        Meters.kept(route, in: meters.durations) {
            registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(
                    namespace: "openecf", metricName: "http_request_duration", unitName: "seconds",
                    helpText: "Time from request to the last byte of the response, by route."),
                labels: [("route", route)],
                buckets: buckets)
        }.record(ContinuousClock.now - start)
    }
}
