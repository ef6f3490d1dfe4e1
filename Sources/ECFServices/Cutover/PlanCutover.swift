import ECFDomain
import Foundation
import Synchronization

/// Plans (or moves) a court's cutover to NextGen. The plan is checked against the clock, saved,
/// and every active court user gets the court's notice in the same transaction.
public struct PlanCutover: Sendable {
    /// The plan as typed: instants in the court's time zone (`2020-02-18T00:00`), or with an offset.
    public struct Request: Sendable, Equatable {
        public var nextGenAt: String
        public var blackouts: [(from: String, to: String)]

        public init(nextGenAt: String, blackouts: [(from: String, to: String)]) {
            self.nextGenAt = nextGenAt
            self.blackouts = blackouts
        }

        public static func == (lhs: Request, rhs: Request) -> Bool {
            lhs.nextGenAt == rhs.nextGenAt && lhs.blackouts.map(\.from) == rhs.blackouts.map(\.from)
                && lhs.blackouts.map(\.to) == rhs.blackouts.map(\.to)
        }
    }

    let context: CourtContext

    public init(_ context: CourtContext) {
        self.context = context
    }

    public func callAsFunction(court typed: String, _ request: Request, by actor: CourtActor) async throws
        -> OpenCourt
    {
        let court = try await context.court(typed)
        if case .clerk = actor { try court.requireAvailable() }
        let plan = try parse(request, zone: court.zone)
        if let refusal = plan.refusal(at: court.now, replacing: court.plan) {
            if case .alreadyHappened = refusal {
                throw CourtError(.cutoverDone, refusal.description)
            }
            throw CourtError(.invalid, refusal.description, fields: [Self.field(of: refusal): refusal.description])
        }
        let revised = court.plan.nextGenAt != nil
        let users = try await court.store.accounts().filter { $0.status == .active && !$0.isLinked }
        let messages = try users.map {
            try context.outbox(
                context.mails.cutoverPlanned($0, court: court.court, plan: plan, now: court.now, revised: revised))
        }
        let entry = context.audit(
            .planChanged, actor: actor.auditName,
            detail: plan.sentences(in: court.zone, now: court.now).joined(separator: " "))
        let now = court.now
        // Listings keep the courts' plans (`CourtPlansCache`): told before and after.
        try await context.registry.changingPlan(at: now) {
            try await court.store.transaction { transaction in
                // Checked again inside the transaction: the cutover may have happened meanwhile.
                if let done = try await transaction.plan().nextGenAt, done <= now {
                    throw CourtError(.cutoverDone, CutoverPlan.Refusal.alreadyHappened(done).description)
                }
                try await transaction.save(plan, at: now)
                try await transaction.append(entry)
                for message in messages { try await transaction.enqueue(message) }
            }
        }
        return OpenCourt(court: court.court, store: court.store, plan: plan, now: now)
    }

    func parse(_ request: Request, zone: TimeZone) throws -> CutoverPlan {
        var problems = FieldProblems()
        let example = "like 2020-02-18T00:00, in the court's time zone"
        let nextGenAt = CourtLocalTime.parse(request.nextGenAt, in: zone)
        if nextGenAt == nil { problems["nextGenAt"] = "Give the NextGen date and time \(example)." }
        var windows: [CutoverPlan.Blackout] = []
        for (index, typed) in request.blackouts.enumerated() {
            let from = CourtLocalTime.parse(typed.from, in: zone)
            let to = CourtLocalTime.parse(typed.to, in: zone)
            if from == nil {
                problems["blackout[\(index)].from"] = "Give when blackout window \(index + 1) begins, \(example)."
            }
            if to == nil {
                problems["blackout[\(index)].to"] = "Give when blackout window \(index + 1) ends, \(example)."
            }
            if let from, let to { windows.append(.init(start: from, end: to)) }
        }
        guard problems.isEmpty else { throw CourtError.invalid(problems, "Some dates could not be read.") }
        return CutoverPlan(nextGenAt: nextGenAt, blackouts: windows)
    }

    static func field(of refusal: CutoverPlan.Refusal) -> String {
        switch refusal {
        case .noCutoverDate, .cutoverInPast, .alreadyHappened: "nextGenAt"
        case .windowBackwards(let n), .windowInPast(let n), .windowAfterCutover(let n), .windowsOverlap(_, let n):
            "blackout[\(n - 1)]"
        }
    }
}

/// Sends each court's "now on NextGen — link your account" notice once, when its cutover instant
/// has passed. Run by a scheduler in every process; the mark and the notices commit together, so
/// two processes (or a restart mid-way) still send one notice per user.
public struct NotifyCutovers: Sendable {
    let context: CourtContext
    /// The courts with their plans kept (`CourtPlansCache`); without it, each plan is read.
    let courts: ListCourts?
    /// The cutovers this process has seen noticed. A notice's mark is never taken back, so a
    /// cutover noticed once is not asked about again on every pass.
    let noticed = NoticedCutovers()

    public init(_ context: CourtContext, courts: ListCourts? = nil) {
        self.context = context
        self.courts = courts
    }

    /// One pass over every court; returns how many notices it queued.
    @discardableResult
    public func callAsFunction() async throws -> Int {
        var queued = 0
        for court in try await context.openEnabled(kept: courts) {
            guard let nextGenAt = court.plan.nextGenAt, nextGenAt <= court.now,
                !noticed.contains(court.id, nextGenAt)
            else { continue }
            guard try await !court.store.cutoverNoticed(nextGenAt: nextGenAt) else {
                noticed.insert(court.id, nextGenAt)
                continue
            }
            let users = try await court.store.accounts().filter { $0.status == .active && !$0.isLinked }
            let messages = try users.map { try context.outbox(context.mails.cutoverComplete($0, court: court.court)) }
            let now = court.now
            let sent = try await court.store.transaction { transaction -> Int in
                guard try await transaction.markCutoverNoticed(nextGenAt: nextGenAt, at: now) else { return 0 }
                for message in messages { try await transaction.enqueue(message) }
                return messages.count
            }
            noticed.insert(court.id, nextGenAt)
            queued += sent
        }
        return queued
    }
}

/// The (court, cutover instant) pairs known to be noticed, kept for the life of the process.
final class NoticedCutovers: Sendable {
    private struct Key: Hashable {
        let court: CourtID
        let nextGenAt: Date
    }
    private let keys = Mutex<Set<Key>>([])

    func contains(_ court: CourtID, _ nextGenAt: Date) -> Bool {
        keys.withLock { $0.contains(Key(court: court, nextGenAt: nextGenAt)) }
    }

    func insert(_ court: CourtID, _ nextGenAt: Date) {
        _ = keys.withLock { $0.insert(Key(court: court, nextGenAt: nextGenAt)) }
    }
}
