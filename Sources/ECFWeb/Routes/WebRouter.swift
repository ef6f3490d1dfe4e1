import Hummingbird

/// Builds the router: middleware in order (security headers outermost, then logging, metrics,
/// error pages), then every route group.
public enum WebRouter {
    public static func build(_ dependencies: WebDependencies) throws -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware(registry: dependencies.metrics))
        router.add(middleware: ErrorPageMiddleware(pages: dependencies.pages))
        let pageSessions = dependencies.pageSessions
        router.add(middleware: pageSessions)
        router.add(middleware: APITokenMiddleware(tokens: dependencies.accounts.apiTokens))
        router.add(middleware: CourtAvailabilityMiddleware(courts: dependencies.courts.context))
        OperationsRoutes(dependencies: dependencies).register(on: router)
        CourtRoutes(dependencies: dependencies).register(on: router)
        AccountAPIRoutes(accounts: dependencies.accounts).register(on: router)
        APITokenRoutes(accounts: dependencies.accounts, pages: dependencies.pages).register(on: router)
        SavedSearchRoutes(accounts: dependencies.accounts, pages: dependencies.pages).register(on: router)
        AccountPageRoutes(accounts: dependencies.accounts, pages: dependencies.pages, cookies: pageSessions)
            .register(on: router)
        CourtAPIRoutes(courts: dependencies.courts).register(on: router)
        PartyRoutes(courts: dependencies.courts).register(on: router)
        WebhookRoutes(courts: dependencies.courts).register(on: router)
        WebhookPageRoutes(courts: dependencies.courts, pages: dependencies.pages).register(on: router)
        LocatorRoutes(accounts: dependencies.accounts, access: dependencies.access, pages: dependencies.pages)
            .register(on: router)
        DocketTextSearchRoutes(courts: dependencies.courts, access: dependencies.access, pages: dependencies.pages)
            .register(on: router)
        BillingRoutes(
            accounts: dependencies.accounts, access: dependencies.access, pages: dependencies.pages,
            secureCookies: pageSessions.secureCookies
        ).register(on: router)
        CourtPageRoutes(
            courts: dependencies.courts, pages: dependencies.pages, secureCookies: pageSessions.secureCookies
        )
        .register(on: router)
        EFileRegistrationPageRoutes(
            courts: dependencies.courts, pages: dependencies.pages, listCourts: dependencies.listCourts
        ).register(on: router)
        DocumentRoutes(courts: dependencies.courts, pages: dependencies.pages).register(on: router)
        FilingRoutes(courts: dependencies.courts).register(on: router)
        APIDocsRoutes(document: try OpenAPIDocument.bundled(), pages: dependencies.pages).register(on: router)
        let assets = try StaticAssets.bundled()
        router.get("/assets/{name}") { _, context in
            try assets.response(for: try context.parameters.require("name"))
        }
        // Router middleware wraps every route whenever it is added; this one needs the full list.
        router.add(
            middleware: MethodNotAllowedMiddleware(
                routes: router.routes.map { (path: $0.path.description, method: $0.method.rawValue) }))
        return router
    }
}
