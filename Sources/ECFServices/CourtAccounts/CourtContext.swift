import ECFDomain
import Foundation

/// What every court use case needs, handed in once by the composition root.
public struct CourtContext: Sendable {
    public let stores: any CourtStores
    public let registry: any CourtRegistryStore
    public let profiles: any PacerProfiles
    public let hasher: any PasswordHasher
    public let secrets: any SecretGenerator
    public let clock: any Clock
    public let ids: any IDGenerator
    public let mails: CourtMails
    /// Failed sign-ins and link attempts per client address, shared by the whole process.
    public let clients: ClientFailureCounter
    /// A bcrypt hash of nothing anyone knows: an unknown login costs as much as a known one.
    public let decoyHash: String
    /// The courts' plans as last read, shared with the court listings (`ListCourts`).
    public let plans: CourtPlansCache
    /// Billed views, recorded in each court a group at a time (`ChargeView.record`).
    public let billedViews = GroupCommit<CourtID, ChargeView.BilledView>()
    /// Raised when a court's settings (its summary time among them) are saved here: the daily
    /// summaries are looked for at once rather than at their next turn
    /// (`SendDailySummaries.checkedEvery`).
    public let summaryTimeChanged = WakeFlag()

    public init(
        stores: any CourtStores, registry: any CourtRegistryStore, profiles: any PacerProfiles,
        hasher: any PasswordHasher, secrets: any SecretGenerator, clock: any Clock, ids: any IDGenerator,
        mails: CourtMails, clients: ClientFailureCounter, decoyHash: String, plans: CourtPlansCache = CourtPlansCache()
    ) {
        self.plans = plans
        self.stores = stores
        self.registry = registry
        self.profiles = profiles
        self.hasher = hasher
        self.secrets = secrets
        self.clock = clock
        self.ids = ids
        self.mails = mails
        self.clients = clients
        self.decoyHash = decoyHash
    }

    /// An enabled court with its store, plan and phase at this instant; 404 for any other id. The
    /// plan is the one kept while the plans' revision stands (`CourtPlansCache`): one read of the
    /// PSC for the court and its plan, none of the court's database.
    public func court(_ typed: String) async throws -> OpenCourt {
        let id = CourtID(typed.lowercased())
        guard let (enabled, state) = try await registry.enabledCourtAndPlans(id) else {
            throw CourtError(.courtNotFound, "There is no court “\(typed)” on this server. See the list of courts.")
        }
        let store = try await stores.store(id)
        let now = clock.now
        let plan = try await plans.plan(of: id, state: state, now: now) { try await store.plan() }
        return OpenCourt(court: enabled.court, store: store, plan: plan, now: now)
    }

    /// An enabled court with its store, plan and phase at this instant.
    public func open(_ court: FederalCourt) async throws -> OpenCourt {
        let store = try await stores.store(court.id)
        return OpenCourt(court: court, store: store, plan: try await store.plan(), now: clock.now)
    }

    /// Every enabled court, opened at this instant: with the plans `kept` keeps when given (no
    /// court's database read while the plans cannot have changed), else each plan read.
    public func openEnabled(kept courts: ListCourts?) async throws -> [OpenCourt] {
        guard let courts else {
            var opened: [OpenCourt] = []
            for enabled in try await registry.enabledCourts() { opened.append(try await open(enabled.court)) }
            return opened
        }
        var opened: [OpenCourt] = []
        for listing in try await courts() {
            opened.append(
                OpenCourt(
                    court: listing.court, store: try await stores.store(listing.court.id), plan: listing.plan,
                    now: listing.now))
        }
        return opened
    }

    func outbox(_ mail: OutgoingMail) throws -> OutboxMessage {
        try OutboxMessage.mail(mail, id: OutboxMessageID(ids.timeOrderedUUID()), at: clock.now)
    }

    func audit(
        _ action: CourtAuditEntry.Action, actor: String, courtAccount: CourtAccountID? = nil,
        pacerAccount: AccountID? = nil, detail: String = ""
    ) -> CourtAuditEntry {
        CourtAuditEntry(
            id: ids.uuid(), at: clock.now, action: action, actor: actor, courtAccount: courtAccount,
            pacerAccount: pacerAccount, detail: detail)
    }
}

/// An enabled court as one request sees it.
public struct OpenCourt: Sendable {
    public let court: FederalCourt
    public let store: any CourtStore
    public let plan: CutoverPlan
    public let now: Date

    public var id: CourtID { court.id }
    public var phase: CourtPhase { plan.phase(at: now) }
    public var zone: TimeZone { TimeZone(identifier: court.timeZoneID) ?? .gmt }
    /// The date at the court, in its own time zone.
    public var today: DateOnly { DateOnly(now, in: zone) }

    /// Throws the 503 answer while the court is in a blackout window.
    public func requireAvailable() throws {
        guard let window = plan.blackout(at: now) else { return }
        throw CourtError(
            .courtUnavailable,
            "\(court.name) is unavailable while it moves to NextGen CM/ECF. \(window.sentence(in: zone, now: now)) The PACER Service Center is still available.",
            retryAfter: max(1, Int(window.end.timeIntervalSince(now).rounded(.up))))
    }
}
