import Synchronization

/// Tells a periodic job that something it looks for may be due before its next turn (a court's
/// summary time changed in this process). Raised any number of times, taken once.
public final class WakeFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() {
        raised.store(true, ordering: .releasing)
    }

    /// Whether it was raised since the last take; lowers it.
    public func take() -> Bool {
        raised.exchange(false, ordering: .acquiringAndReleasing)
    }
}
