import ECFDomain
import Foundation
import Synchronization

/// The enabled courts' cutover plans as a listing last read them, kept under the plans' revision
/// (`CourtRegistryStore.plansRevision`). Each plan lives in its own court's database, so listing
/// the courts read one database for each: at full scale (94 courts), keeping them took
/// `GET /api/v1/courts` from 190 to 920 requests a second and the home page from 116 to 326
/// (BENCHMARKS.md P4).
///
/// Kept plans are exactly current, in every process that shares the PSC's database: a plan change
/// (`PlanCutover`) raises the revision and marks a change under way for a while before its court's
/// transaction, and raises the revision again after it. Plans are read again whenever the revision
/// is not the one they were kept under, and not kept at all while a change may be under way; so
/// plans read before a change committed are never used after it, even if the process that made
/// the change stopped before saying it was done.
public final class CourtPlansCache: Sendable {
    fileprivate let kept = Mutex<(revision: Int64, plans: [CourtID: CutoverPlan])?>(nil)

    public init() {}

    /// How long a change is taken to be under way at most: a plan's transaction takes well under
    /// a second, and plans are not kept meanwhile.
    public static let changeLease: TimeInterval = 60

    /// The plans of `courts`, kept or read from each court's store.
    func plans(
        of courts: [CourtID], now: Date, registry: any CourtRegistryStore, stores: any CourtStores
    ) async throws -> [CourtID: CutoverPlan] {
        let state = try await registry.plansRevision()
        let settled = state.isSettled(at: now)
        if settled, let kept = kept.withLock({ $0 }), kept.revision == state.revision,
            courts.allSatisfy({ kept.plans[$0] != nil })
        {
            return kept.plans
        }
        var plans: [CourtID: CutoverPlan] = [:]
        for court in courts { plans[court] = try await stores.store(court).plan() }
        let read = plans
        kept.withLock { $0 = settled ? (state.revision, read) : nil }
        return plans
    }
}

extension CourtPlansCache {
    /// One court's plan: kept, or read with `read` and kept. `state` must have been read before
    /// anything `read` reads (as `enabledCourtAndPlans` reads it), so that a plan read after a
    /// change began is kept under a revision no later request will match.
    func plan(
        of court: CourtID, state: PlansRevision, now: Date, read: () async throws -> CutoverPlan
    ) async throws -> CutoverPlan {
        let settled = state.isSettled(at: now)
        if settled, let plan = kept.withLock({ $0?.revision == state.revision ? $0?.plans[court] : nil }) {
            return plan
        }
        let plan = try await read()
        kept.withLock { kept in
            guard settled else {
                kept = nil
                return
            }
            if kept?.revision == state.revision {
                kept?.plans[court] = plan
            } else {
                kept = (state.revision, [court: plan])
            }
        }
        return plan
    }
}

extension CourtRegistryStore {
    /// Changes a court's plan in `change` (its court's transaction), telling the court listings
    /// (`CourtPlansCache`) before and after. A failure to say it is done only keeps listings
    /// reading the plans afresh until the change's lease ends.
    public func changingPlan<T>(at now: Date, _ change: () async throws -> T) async throws -> T {
        try await planChanging(until: now.addingTimeInterval(CourtPlansCache.changeLease))
        let result = try await change()
        try? await planChanged()
        return result
    }
}
