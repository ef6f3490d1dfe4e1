import Synchronization

/// Lets one task at a time run a piece of work, the others waiting their turn in order: the
/// national locator's tables take one writer, and SQLite's busy handler would spin the others.
final class TakingTurns: Sendable {
    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func inTurn<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let goNow = state.withLock { state in
                guard state.busy else {
                    state.busy = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if goNow { continuation.resume() }
        }
        defer { passOn() }
        return try await work()
    }

    private func passOn() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
