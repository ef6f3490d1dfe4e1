import ECFServices
import Prometheus

/// What the web layer needs from the rest of the system, handed in by the composition root.
public struct WebDependencies: Sendable {
    public let listCourts: ListCourts
    public let readiness: [any ReadinessProbe]
    public let outboxBacklog: OutboxBacklog
    public let metrics: PrometheusCollectorRegistry
    public let pages: PageRenderer
    public let accounts: AccountsWeb
    public let pageSessions: PageSessionMiddleware
    public let courts: CourtsWeb
    public let access: PublicAccessWeb

    public init(
        listCourts: ListCourts, readiness: [any ReadinessProbe], outboxBacklog: OutboxBacklog,
        metrics: PrometheusCollectorRegistry, pages: PageRenderer, accounts: AccountsWeb,
        pageSessions: PageSessionMiddleware, courts: CourtsWeb, access: PublicAccessWeb
    ) {
        self.access = access
        self.courts = courts
        self.accounts = accounts
        self.pageSessions = pageSessions
        self.listCourts = listCourts
        self.readiness = readiness
        self.outboxBacklog = outboxBacklog
        self.metrics = metrics
        self.pages = pages
    }
}
