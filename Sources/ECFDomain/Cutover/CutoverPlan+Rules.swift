import Foundation

extension CutoverPlan {
    /// Why a plan cannot be saved, in words for the clerk.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case noCutoverDate
        case cutoverInPast
        case windowBackwards(Int)
        case windowInPast(Int)
        case windowsOverlap(Int, Int)
        case windowAfterCutover(Int)
        case alreadyHappened(Date)

        public var description: String {
            switch self {
            case .noCutoverDate: "Give the date and time the court moves to NextGen."
            case .cutoverInPast: "The NextGen date must be in the future."
            case .windowBackwards(let n): "Blackout window \(n) ends before it begins."
            case .windowInPast(let n): "Blackout window \(n) has already ended; give windows still to come."
            case .windowsOverlap(let a, let b): "Blackout windows \(a) and \(b) overlap; merge them into one."
            case .windowAfterCutover(let n):
                "Blackout window \(n) ends after the cutover; the court is unavailable only before NextGen starts."
            case .alreadyHappened:
                "This court has already moved to NextGen, so its cutover can no longer be planned or moved."
            }
        }
    }

    /// Checks a new plan against the clock and the plan it replaces.
    ///
    /// Source: the rules, from the C.D. Cal. notice — the cutover is announced ahead, its
    /// blackout windows come before it and do not overlap; a plan can be moved until it happens.
    public func refusal(at now: Date, replacing current: CutoverPlan) -> Refusal? {
        if let done = current.nextGenAt, done <= now { return .alreadyHappened(done) }
        guard let nextGenAt else { return .noCutoverDate }
        if nextGenAt <= now { return .cutoverInPast }
        let ordered = blackouts.enumerated().map { (number: $0.offset + 1, window: $0.element) }
        for (number, window) in ordered {
            if window.end <= window.start { return .windowBackwards(number) }
            if window.end <= now { return .windowInPast(number) }
            if window.end > nextGenAt { return .windowAfterCutover(number) }
        }
        for (i, a) in ordered.enumerated() {
            for b in ordered[(i + 1)...] where a.window.start < b.window.end && b.window.start < a.window.end {
                return .windowsOverlap(a.number, b.number)
            }
        }
        return nil
    }

    /// The window the instant falls in, if any.
    public func blackout(at instant: Date) -> Blackout? {
        blackouts.first { $0.contains(instant) }
    }

    /// Whether the court moved to NextGen at or before `instant`.
    public func hasCutOver(at instant: Date) -> Bool {
        nextGenAt.map { $0 <= instant } ?? false
    }
}
