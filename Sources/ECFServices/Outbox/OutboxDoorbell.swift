import Synchronization

/// Wakes the outbox worker when a change that queued messages has committed, so a filing's
/// notices leave at once instead of at the worker's next poll. Ringing while the worker is busy
/// is remembered: its next wait returns at once. One bell for the process; every worker waiting
/// on it wakes.
public final class OutboxDoorbell: Sendable {
    public static let shared = OutboxDoorbell()

    private struct State {
        var rung = false
        var next: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func ring() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.rung = true
                return []
            }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Returns when the bell rings (or rang since the last wait), after `limit` at the latest, or
    /// when the waiting task is cancelled.
    public func wait(atMost limit: Duration) async {
        await withTaskCancellationHandler {
            await waitForRing(atMost: limit)
        } onCancel: {
            ring()
        }
    }

    private func waitForRing(atMost limit: Duration) async {
        await withCheckedContinuation { continuation in
            let id = state.withLock { state -> UInt64? in
                if state.rung {
                    state.rung = false
                    return nil
                }
                state.next += 1
                state.waiters[state.next] = continuation
                return state.next
            }
            guard let id else { return continuation.resume() }
            Task {
                try? await Task.sleep(for: limit)
                self.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
            }
        }
    }
}
