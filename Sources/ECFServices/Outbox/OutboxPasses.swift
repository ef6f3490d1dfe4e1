/// Which outboxes each of the worker's passes looks in: those that rang since the last pass, and
/// every outbox at least once every `interval` whatever rings (messages due again after a backoff
/// and messages queued by another process ring no bell here), and at the first pass.
public struct OutboxPasses: Sendable {
    let interval: Duration
    private var scope = OutboxDoorbell.Wake.everywhere
    private var lastFullPass: ContinuousClock.Instant?

    public init(interval: Duration) {
        self.interval = interval
    }

    /// The outboxes of the pass starting at `now`; nil for every one.
    public mutating func next(at now: ContinuousClock.Instant) -> Set<OutboxLocation>? {
        if let lastFullPass, now - lastFullPass >= interval { scope = .everywhere }
        if scope == .everywhere { lastFullPass = now }
        return scope.only
    }

    /// After a pass that delivered something: the next goes at once over the outboxes it
    /// delivered from (a burst may have more than a pass takes) and any that rang meanwhile, not
    /// over every outbox again (under a steady load every pass delivers something).
    public mutating func again(deliveredFrom outboxes: Set<OutboxLocation>, rung: OutboxDoorbell.Wake?) {
        scope = OutboxDoorbell.Wake.rung(outboxes).merged(rung ?? .rung([]))
    }

    /// After a wait on the doorbell: what woke it.
    public mutating func woke(_ wake: OutboxDoorbell.Wake) {
        scope = wake
    }
}
