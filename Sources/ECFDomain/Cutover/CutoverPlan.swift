import Foundation

/// A court's plan for its move to NextGen: when NextGen starts and the windows when the court is
/// unavailable.
///
/// The phase is never stored: it is derived from the plan and the clock, so every process agrees
/// on it and nothing has to flip a flag at midnight (DESIGN.md, "Cutover phases").
public struct CutoverPlan: Sendable, Equatable {
    /// A window when the court's CM/ECF is unavailable; `start` inclusive, `end` exclusive.
    public struct Blackout: Sendable, Equatable {
        public let start: Date
        public let end: Date

        public init(start: Date, end: Date) {
            self.start = start
            self.end = end
        }

        public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }
    }

    /// When the court runs NextGen; `nil` while no date is announced.
    public let nextGenAt: Date?
    public let blackouts: [Blackout]

    public init(nextGenAt: Date?, blackouts: [Blackout] = []) {
        self.nextGenAt = nextGenAt
        self.blackouts = blackouts
    }

    /// A court without a plan is on its legacy CM/ECF.
    public static let none = CutoverPlan(nextGenAt: nil)

    /// The phase at `instant`: a blackout window wins over everything else; otherwise NextGen from
    /// `nextGenAt` on, and legacy before it.
    public func phase(at instant: Date) -> CourtPhase {
        if blackouts.contains(where: { $0.contains(instant) }) { return .blackout }
        if let nextGenAt, instant >= nextGenAt { return .nextGen }
        return .legacy
    }
}
