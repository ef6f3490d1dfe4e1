import ECFDomain
import Foundation

/// Each client's bucket of a `RequestRateLimit`, kept in this process's memory.
public actor RequestRateLimiter {
    let limit: RequestRateLimit
    var buckets: [UUID: RequestRateLimit.Bucket] = [:]

    public init(_ limit: RequestRateLimit) {
        self.limit = limit
    }

    /// Takes one request for the client; the seconds to wait when it has none left.
    public func take(_ client: UUID, now: Date) -> Int? {
        // A full bucket is the same as none: forget buckets idle for over a minute.
        if buckets.count > 10_000 { buckets = buckets.filter { now.timeIntervalSince($0.value.at) < 60 } }
        switch limit.take(from: buckets[client], now: now) {
        case .allowed(let bucket):
            buckets[client] = bucket
            return nil
        case .refused(let retryAfter):
            return retryAfter
        }
    }
}
