import Synchronization

/// Gives up on a mail server that stops answering: `watch` runs `expire` once `timeout` has
/// passed since the last `restart` (or since it was made).
final class Watchdog: Sendable {
    let timeout: Duration
    private let deadline: Mutex<ContinuousClock.Instant>
    private let expired = Atomic(false)

    init(timeout: Duration) {
        self.timeout = timeout
        deadline = Mutex(.now + timeout)
    }

    /// Whether it gave up.
    var fired: Bool { expired.load(ordering: .acquiring) }

    func restart() {
        deadline.withLock { $0 = .now + timeout }
    }

    /// Until cancelled or expired.
    func watch(expire: @Sendable () -> Void) async {
        while !Task.isCancelled {
            let due = deadline.withLock { $0 }
            if ContinuousClock.now >= due {
                expired.store(true, ordering: .releasing)
                expire()
                return
            }
            try? await Task.sleep(until: due, clock: .continuous)
        }
    }
}
