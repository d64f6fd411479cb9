import Foundation

/// When sign-in attempts must stop: after `limit` failures within `window` for one account, or for
/// one address, further attempts wait until the oldest of those failures leaves the window. The same
/// answer comes whether or not the account exists, so the throttle tells an attacker nothing.
public struct SignInThrottle: Sendable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before trying again, or nil when an attempt may go ahead. `failures` are the
    /// recent failure times for the account or the address, in any order.
    public func retryAfter(failures: [Date], now: Date) -> TimeInterval? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= limit else { return nil }
        let oldestThatCounts = recent[recent.count - limit]
        return max(1, (oldestThatCounts.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up))
    }
}
