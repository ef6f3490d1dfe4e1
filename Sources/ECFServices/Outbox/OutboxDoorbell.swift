import Synchronization

/// Wakes the outbox worker when a change that queued messages has committed, so a filing's
/// notices leave at once instead of at the worker's next poll, and says which outboxes rang so
/// the worker looks in those alone (a billed docket report rings its court's outbox; a pass over
/// all 95 outboxes for each was a fifth of the statements under load). Ringing while the worker
/// is busy is remembered: its next wait returns at once. One bell for the process; every worker
/// waiting on it wakes.
public final class OutboxDoorbell: Sendable {
    public static let shared = OutboxDoorbell()

    /// What a wait ended with: rings at these outboxes only, or a reason to look in every one
    /// (the wait's time limit, a ring that did not say where, cancellation).
    public enum Wake: Sendable, Equatable {
        case rung(Set<OutboxLocation>)
        case everywhere

        /// Both wakes' outboxes.
        public func merged(_ other: Wake) -> Wake {
            guard case .rung(let mine) = self, case .rung(let theirs) = other else { return .everywhere }
            return .rung(mine.union(theirs))
        }

        /// The outboxes to look in, nil for every one.
        public var only: Set<OutboxLocation>? {
            guard case .rung(let locations) = self else { return nil }
            return locations
        }
    }

    private struct State {
        var rung: Wake?
        var next: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Rings for a message queued at `location`; nil when the outbox is not known.
    public func ring(_ location: OutboxLocation? = nil) {
        let wake = location.map { Wake.rung([$0]) } ?? .everywhere
        let waiting = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.rung = state.rung?.merged(wake) ?? wake
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiting { waiter.resume(returning: false) }
    }

    /// The rings since the last wait or take, without waiting; nil when there were none.
    public func take() -> Wake? {
        state.withLock { state in
            defer { state.rung = nil }
            return state.rung
        }
    }

    /// Returns when the bell rings (or rang since the last wait), after `limit` at the latest, or
    /// when the waiting task is cancelled.
    @discardableResult
    public func wait(atMost limit: Duration) async -> Wake {
        let timedOut = await withTaskCancellationHandler {
            await waitForRing(atMost: limit)
        } onCancel: {
            ring()
        }
        let rung = take()
        return timedOut ? .everywhere : rung ?? .everywhere
    }

    /// True when the time limit ended the wait.
    private func waitForRing(atMost limit: Duration) async -> Bool {
        await withCheckedContinuation { continuation in
            let id = state.withLock { state -> UInt64? in
                if state.rung != nil { return nil }
                state.next += 1
                state.waiters[state.next] = continuation
                return state.next
            }
            guard let id else { return continuation.resume(returning: false) }
            Task {
                try? await Task.sleep(for: limit)
                self.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: true)
            }
        }
    }
}
