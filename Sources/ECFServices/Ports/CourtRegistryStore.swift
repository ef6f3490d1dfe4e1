import ECFDomain
import Foundation

/// A court enabled on this server, as stored by the PSC.
public struct EnabledCourt: Sendable, Equatable {
    public let court: FederalCourt
    public let enabledAt: Date
    public let plan: CutoverPlan

    public init(court: FederalCourt, enabledAt: Date, plan: CutoverPlan = .none) {
        self.court = court
        self.enabledAt = enabledAt
        self.plan = plan
    }
}

/// Which courts this server runs.
public protocol CourtRegistryStore: Sendable {
    func enabledCourts() async throws -> [EnabledCourt]
    /// The court with this id if it is enabled here, and where the plans stand, read together:
    /// a court request opens its court with its plan kept (`CourtPlansCache`) for one read.
    func enabledCourtAndPlans(_ id: CourtID) async throws -> (court: EnabledCourt, plans: PlansRevision)?
    /// Records the court as enabled; enabling a court twice changes nothing and returns `false`.
    func enable(_ court: FederalCourt, at instant: Date) async throws -> Bool
    /// Where the courts' cutover plans stand (`CourtPlansCache`).
    func plansRevision() async throws -> PlansRevision
    /// Said before a court's plan is changed: raises the revision, and marks a change under way
    /// until `until` (or later, if another change already runs longer).
    func planChanging(until: Date) async throws
    /// Said after a court's plan was changed: raises the revision again.
    func planChanged() async throws
}

/// Where the courts' cutover plans stand: a revision that every plan change raises before and
/// after its court's transaction, and until when a change may still be under way.
public struct PlansRevision: Sendable, Equatable {
    public let revision: Int64
    public let changingUntil: Date?

    public init(revision: Int64, changingUntil: Date?) {
        self.revision = revision
        self.changingUntil = changingUntil
    }

    /// No plan change can be under way at `now`: plans read now may be kept.
    public func isSettled(at now: Date) -> Bool {
        changingUntil.map { now >= $0 } ?? true
    }
}
