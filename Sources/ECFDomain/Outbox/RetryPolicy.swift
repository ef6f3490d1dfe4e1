import Foundation

/// When to try a failed delivery again: exponential backoff from 5 seconds, doubling, capped at one
/// hour, never giving up on a message that failed only for a passing reason (a mail server down).
/// Failures that will not pass (a server that refuses a message for good) end in `failed` after
/// `permanentFailureLimit` attempts, in case the refusal was a misconfiguration fixed meanwhile.
public struct RetryPolicy: Sendable, Equatable {
    public let initialDelay: TimeInterval
    public let maximumDelay: TimeInterval
    public let permanentFailureLimit: Int

    public init(initialDelay: TimeInterval = 5, maximumDelay: TimeInterval = 3600, permanentFailureLimit: Int = 3) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.permanentFailureLimit = permanentFailureLimit
    }

    /// The delay after the `attempts`-th failed attempt (1 = the first failure).
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        return min(maximumDelay, initialDelay * pow(2, exponent))
    }
}
