import Foundation

/// A token bucket: `perMinute` requests a minute on average, up to a minute's worth at once.
/// Pure: the caller keeps each client's bucket and the clock.
public struct RequestRateLimit: Sendable, Equatable {
    public let perMinute: Int

    public init(perMinute: Int) {
        self.perMinute = max(1, perMinute)
    }

    public struct Bucket: Sendable, Equatable {
        public var available: Double
        public var at: Date

        public init(available: Double, at: Date) {
            self.available = available
            self.at = at
        }
    }

    public enum Decision: Equatable, Sendable {
        case allowed(Bucket)
        /// Refused; try again after this many whole seconds.
        case refused(retryAfter: Int)
    }

    /// Takes one request from the bucket (a new client starts full).
    public func take(from bucket: Bucket?, now: Date) -> Decision {
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        var bucket = bucket ?? Bucket(available: capacity, at: now)
        bucket.available = min(capacity, bucket.available + max(0, now.timeIntervalSince(bucket.at)) * perSecond)
        bucket.at = now
        guard bucket.available >= 1 else {
            return .refused(retryAfter: max(1, Int(((1 - bucket.available) / perSecond).rounded(.up))))
        }
        bucket.available -= 1
        return .allowed(bucket)
    }
}
