import Foundation
import Synchronization

/// A token bucket per client: `capacity` actions at once, then one more every `refillInterval`.
/// Buckets live in memory, so each app node limits on its own. Once more than 10,000 clients hold a
/// bucket, the ones that have filled up again (and so limit nothing) are dropped.
final class RateLimiter: Sendable {
    let capacity: Double
    let refillInterval: TimeInterval
    private let buckets = Mutex<[String: Bucket]>([:])

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    init(capacity: Int, refillInterval: TimeInterval) {
        self.capacity = Double(capacity)
        self.refillInterval = refillInterval
    }

    /// Takes one token for `key` if there is one; false means the client must wait.
    func tryAcquire(_ key: String, now: Date) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            let refilled = max(0, now.timeIntervalSince(bucket.updated)) / refillInterval
            bucket.tokens = min(capacity, bucket.tokens + refilled)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[key] = bucket
            if buckets.count > 10_000 {
                Self.dropFull(&buckets, now: now, capacity: capacity, interval: refillInterval)
            }
            return true
        }
    }

    /// A bucket that would be full again is the same as no bucket.
    private static func dropFull(_ buckets: inout [String: Bucket], now: Date, capacity: Double, interval: TimeInterval)
    {
        buckets = buckets.filter { _, bucket in
            bucket.tokens + now.timeIntervalSince(bucket.updated) / interval < capacity
        }
    }
}
