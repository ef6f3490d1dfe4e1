import Foundation

/// The time, injected so that tests and demos can stand at any instant of a cutover.
public protocol Clock: Sendable {
    var now: Date { get }
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that started at a chosen instant and runs forward in real time from there
/// (`--clock-start`, for demos and tests only).
public struct StartedClock: Clock {
    public let start: Date
    private let startedAt: ContinuousClock.Instant

    public init(start: Date) {
        self.start = start
        self.startedAt = ContinuousClock.now
    }

    public var now: Date {
        let elapsed = ContinuousClock.now - startedAt
        let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return start.addingTimeInterval(seconds)
    }
}
