import ECFDocuments
import ECFDomain
import ECFMail
import ECFPersistence
import ECFServices
import ECFWeb
import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// Builds the whole server: databases migrated, demo seeded if asked, the web router, the
/// outbox worker, all as one Hummingbird application.
public enum OpenECFApplication {
    /// `metrics` is the registry `/metrics` shows; `serve` also installs it as the process-wide
    /// swift-metrics backend, so that the libraries' own metrics appear there too.
    public static func build(
        _ config: AppConfig, logger: Logger, clock: (any Clock)? = nil,
        hasher: any PasswordHasher = BcryptPasswordHasher(),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let composition = try await Composition.open(config, logger: logger, clock: clock, hasher: hasher)
        do {
            return try await build(composition, metrics: metrics, onServerRunning: onServerRunning)
        } catch {
            // Nothing is served: close the databases so the failure is reported, not a crash.
            await composition.close()
            throw error
        }
    }

    public static func build(
        _ composition: Composition, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let config = composition.config
        let logger = composition.logger
        if let start = config.clockStart {
            logger.warning(
                "THE CLOCK IS SET: this server believes it is \(start.formatted(.iso8601)) and runs forward from there. Demo and test use only."
            )
        }
        let migrated = try await composition.migrateAll()
        logger.info("databases migrated", metadata: ["courts": "\(migrated.map(\.rawValue).joined(separator: ","))"])
        if config.demo {
            let seeded = try await DemoData.seedIfEmpty(
                registry: try await composition.registry(), enableCourt: try await composition.enableCourt())
            if seeded {
                try await DemoData.seedAccounts(try await composition.accountsContext())
                try await DemoData.seedCourts(
                    try await composition.courtContext(), accounts: try await composition.accountStore())
                try await DemoData.seedCases(
                    try await composition.courtContext(),
                    blobs: composition.documentBlobs(),
                    temporary: config.dataDirectory.appendingPathComponent("uploads"))
                logger.notice("demo data seeded", metadata: ["courts": "\(DemoData.courts.joined(separator: ","))"])
            }
        }
        let dependencies = try await webDependencies(composition, metrics: metrics)
        let courtContext = dependencies.courts.context
        let checkSavedSearches = try await composition.checkSavedSearches()
        let router = try WebRouter.build(dependencies)
        let worker = OutboxWorker(deliver: try await composition.deliverOutbox(), logger: logger)
        let databases = composition.databases
        // The scheduler's passes open every court with the plans the web pages keep.
        let notifyCutovers = NotifyCutovers(courtContext, courts: dependencies.listCourts)
        let sendDailySummaries = SendDailySummaries(courtContext, courts: dependencies.listCourts)
        let demo = config.demo
        let publicURL = config.publicURL.absoluteString
        return Application(
            router: router,
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: "OpenECF"),
            services: [
                DatabasesService(databases: composition.databases), worker,
                SchedulerService(
                    jobs: [
                        .init(name: "cutover notices") { try await notifyCutovers() },
                        .init(
                            name: "daily summaries", every: SendDailySummaries.checkedEvery,
                            early: { courtContext.summaryTimeChanged.take() }
                        ) { try await sendDailySummaries() },
                        .init(name: "saved search alerts") { try await checkSavedSearches() },
                        // Each database's statistics were refreshed as it opened.
                        .init(name: "database statistics", every: .seconds(3_600), waitsAPeriodFirst: true) {
                            _ = try await databases.refreshStatistics()
                            return 0
                        },
                    ], logger: logger),
                MemoryTrimService(),
            ],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.port
                logger.notice("OpenECF is listening", metadata: ["address": "\(config.host):\(port)"])
                if demo { FileHandle.standardOutput.write(Data(DemoData.banner(publicURL: publicURL).utf8)) }
                await onServerRunning(port)
            },
            logger: logger)
    }

    /// What the web layer is built from (also used by the tests that list every route).
    public static func webDependencies(_ composition: Composition, metrics: PrometheusCollectorRegistry) async throws
        -> WebDependencies
    {
        let config = composition.config
        let directory = SQLOutboxDirectory(databases: composition.databases)
        let accounts = try await composition.accountsWeb()
        return WebDependencies(
            listCourts: try await composition.listCourts(),
            readiness: [DatabaseReadiness(databases: composition.databases)],
            outboxBacklog: OutboxBacklog(directory: directory),
            metrics: metrics,
            pages: try await PageRenderer.bundled(),
            accounts: accounts,
            pageSessions: PageSessionMiddleware(
                cso: accounts.cso, accounts: accounts.store, secrets: composition.secrets, clock: composition.clock,
                secureCookies: true),
            courts: CourtsWeb(
                context: try await composition.courtContext(), cso: accounts.cso, blobs: composition.documentBlobs(),
                inspector: ToolPDFInspector(), payments: composition.payments(), random: SystemRandomSource(),
                uploads: config.dataDirectory.appendingPathComponent("uploads"),
                webhooksAllowPrivate: config.webhooksAllowPrivate),
            access: PublicAccessWeb(
                locator: try await composition.caseLocator(), ledger: try await composition.billingLedger(),
                clock: composition.clock))
    }
}
