import ArgumentParser
import ECFApp
import Hummingbird
import Metrics
import Prometheus

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Migrate the databases and run the server (PSC and every enabled court).")

    @OptionGroup var settings: SettingsOptions

    func run() async throws {
        let (config, logger) = try settings.loadAndStartLogging()
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let app = try await reportingFailure {
            try await OpenECFApplication.build(config, logger: logger, metrics: metrics)
        }
        try await app.runService()
    }
}
