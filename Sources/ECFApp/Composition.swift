import ECFDocuments
import ECFDomain
import ECFMail
import ECFPersistence
import ECFServices
import ECFWeb
import Foundation
import Logging
import NIOPosix

/// The one place where the parts are put together, used by the server, the CLI and the tests.
public struct Composition: Sendable {
    public let config: AppConfig
    public let clock: any Clock
    public let ids: any IDGenerator
    public let databases: ECFDatabases
    public let logger: Logger
    public let hasher: any PasswordHasher
    public let secrets: any SecretGenerator
    /// Failed sign-ins per client address, shared by every request of this process.
    public let clientFailures = ClientFailureCounter()
    /// The courts' plans as last read, one for the process: the court listings and every court
    /// request keep them under the same revision.
    public let courtPlans = CourtPlansCache()
    /// Each personal API token's requests, shared by every request of this process.
    public let apiTokenRequests: RequestRateLimiter

    /// Checks the storage before anything is created (an unreachable PostgreSQL or an unwritable
    /// data dir is reported with nothing half-made), then opens and migrates the PSC database.
    /// - Parameter threadPool: the threads that run SQLite's statements. A test that plays a second
    ///   process on the same files gives it threads of its own: a connection waiting for another's
    ///   lock spins on its thread, and with the shared pool's two threads both spinning, the lock's
    ///   holder could never finish.
    public static func open(
        _ config: AppConfig, logger: Logger, clock: (any Clock)? = nil, ids: any IDGenerator = RandomIDGenerator(),
        hasher: any PasswordHasher = BcryptPasswordHasher(), secrets: any SecretGenerator = SystemSecretGenerator(),
        threadPool: NIOThreadPool = .singleton
    ) async throws -> Composition {
        let databases = ECFDatabases(
            location: config.database, logger: logger, threadPool: threadPool,
            sqliteCommitsToDisk: config.sqliteCommitsToDisk)
        do {
            try await databases.checkStorage()
            try DirectoryCheck.ensureWritable(config.dataDirectory, setting: "--data-dir")
            _ = try await databases.psc()
        } catch {
            await databases.shutdown()
            throw error
        }
        let clock = clock ?? config.clockStart.map { StartedClock(start: $0) } ?? SystemClock()
        return Composition(
            config: config, clock: clock, ids: ids, databases: databases, logger: logger, hasher: hasher,
            secrets: secrets,
            apiTokenRequests: RequestRateLimiter(RequestRateLimit(perMinute: config.apiTokenRateLimit)))
    }

    public func registry() async throws -> SQLCourtRegistryStore {
        SQLCourtRegistryStore(database: try await databases.psc(), reads: try await databases.reads(.psc))
    }

    public func enableCourt() async throws -> EnableCourt {
        EnableCourt(
            registry: try await registry(), provisioner: SQLCourtDatabaseProvisioner(databases: databases), clock: clock
        )
    }

    public func listCourts() async throws -> ListCourts {
        ListCourts(
            registry: try await registry(), stores: SQLCourtStores(databases: databases), clock: clock,
            plans: courtPlans)
    }

    /// Filed documents, content-addressed under `<data-dir>/documents`.
    public func documentBlobs() -> FileBlobStore {
        FileBlobStore(root: config.dataDirectory.appendingPathComponent("documents"))
    }

    /// How filing fees are paid: the test gateway until a real processor's adapter is configured.
    public func payments() -> any PaymentGateway { TestPaymentGateway(clock: clock) }

    /// What every court use case needs; the courts learn about PACER accounts through a direct call.
    public func courtContext() async throws -> CourtContext {
        CourtContext(
            stores: SQLCourtStores(databases: databases), registry: try await registry(),
            profiles: AccountStorePacerProfiles(store: try await accountStore()), hasher: hasher, secrets: secrets,
            clock: clock, ids: ids,
            mails: CourtMails(
                from: config.mailFrom, links: LinkBuilder(base: config.publicURL),
                messageIDDomain: config.messageIDDomain, ids: ids),
            clients: clientFailures, decoyHash: try await hasher.hash(secrets.token()), plans: courtPlans)
    }

    public func pscOutbox() async throws -> SQLOutboxStore {
        SQLOutboxStore(database: try await databases.psc(), location: .psc)
    }

    public func queueTestMail() async throws -> QueueTestMail {
        QueueTestMail(
            outbox: try await pscOutbox(), clock: clock, ids: ids, from: config.mailFrom,
            messageIDDomain: config.messageIDDomain)
    }

    /// SMTP when `--smtp-url` is set, `.eml` files otherwise.
    public func mailTransport() -> any MailTransport {
        if let smtp = config.smtp {
            return SMTPMailTransport(
                client: SMTPClient(settings: smtp, logger: logger), clock: clock, logger: logger)
        }
        return EMLFileMailTransport(directory: config.mailDirectory, clock: clock)
    }

    public func deliverOutbox(policy: RetryPolicy = RetryPolicy()) async throws -> DeliverOutbox {
        DeliverOutbox(
            directory: SQLOutboxDirectory(databases: databases), mail: mailTransport(),
            handlers: [
                .locator: PublishToLocator(
                    stores: SQLCourtStores(databases: databases), feed: try await caseLocator(), clock: clock),
                .billing: RecordCharge(feed: try await billingLedger()),
                .webhook: DeliverWebhook(
                    try await courtContext(), transport: HTTPWebhookTransport(allowPrivate: config.webhooksAllowPrivate)
                ),
            ],
            clock: clock, policy: policy, logger: logger)
    }

    /// The PACER billing ledger, in the PSC's database; its statements are read through a reader
    /// for long reads (the locator's), not the one every request's sign-in session is read through.
    public func billingLedger() async throws -> SQLBillingLedger {
        SQLBillingLedger(database: try await databases.psc(), reads: try await databases.pscReaders().first)
    }

    /// The national case locator, in the PSC's database.
    public func caseLocator() async throws -> SQLCaseLocator {
        SQLCaseLocator(database: try await databases.psc(), readers: try await databases.pscReaders())
    }

    /// Enables every court at once (used for the demo and for migrating at start-up).
    public func migrateAll() async throws -> [CourtID] {
        let courts = try await registry().enabledCourts().map(\.court.id)
        for court in courts {
            try await databases.prepare(.court(court))
        }
        return courts
    }

    public func accountStore() async throws -> SQLAccountStore {
        SQLAccountStore(database: try await databases.psc(), reads: try await databases.reads(.psc))
    }

    public func accountsContext() async throws -> AccountsContext {
        AccountsContext(
            store: try await accountStore(), hasher: hasher, secrets: secrets, clock: clock, ids: ids,
            mails: AccountMails(
                from: config.mailFrom, links: LinkBuilder(base: config.publicURL),
                messageIDDomain: config.messageIDDomain))
    }

    public func centralSignOn() async throws -> JWTCentralSignOn {
        try await JWTCentralSignOn.make(
            keyStore: SQLSigningKeyStore(database: try await databases.psc()), sessions: try await accountStore(),
            clock: clock, apiTokens: try await apiTokens())
    }

    public func savedSearchStore() async throws -> SQLSavedSearchStore {
        SQLSavedSearchStore(database: try await databases.psc())
    }

    public func savedSearches() async throws -> SavedSearches {
        SavedSearches(
            try await accountsContext(), store: try await savedSearchStore(), locator: try await caseLocator())
    }

    public func checkSavedSearches() async throws -> CheckSavedSearches {
        CheckSavedSearches(
            try await accountsContext(), store: try await savedSearchStore(), locator: try await caseLocator())
    }

    public func apiTokens() async throws -> APITokens {
        APITokens(
            try await accountsContext(), tokens: SQLAPITokenStore(database: try await databases.psc()),
            limiter: apiTokenRequests)
    }

    public func accountsWeb() async throws -> AccountsWeb {
        let context = try await accountsContext()
        let decoyHash = try await hasher.hash(secrets.token())
        return AccountsWeb(
            register: RegisterAccount(context), verifyEmail: VerifyEmail(context),
            signIn: SignIn(context, clients: clientFailures, decoyHash: decoyHash), signOut: SignOut(context),
            requestPasswordReset: RequestPasswordReset(context), confirmPasswordReset: ConfirmPasswordReset(context),
            requestUsernameReminder: RequestUsernameReminder(context), upgrade: UpgradeAccount(context),
            sendEmailVerification: SendEmailVerification(context), enrolAuthenticator: EnrolAuthenticator(context),
            confirmAuthenticator: ConfirmAuthenticator(context), changePassword: ChangePassword(context),
            store: context.store,
            cso: try await centralSignOn(), apiTokens: try await apiTokens(), savedSearches: try await savedSearches())
    }

    public func close() async {
        await databases.shutdown()
    }
}
