import Foundation

/// At most `count` comments within `window` seconds.
///
/// A count below one is read as one: a limit slows a commenter down but cannot shut comments off,
/// which is what closing an article's comments is for.
public struct RateLimit: Sendable, Equatable {
    public var count: Int
    public var window: TimeInterval

    public init(count: Int, window: TimeInterval) {
        self.count = count
        self.window = window
    }

    /// Seconds to wait, or nil when one more comment fits. `recentCount` comments came within the
    /// window, the oldest `oldestAge` seconds ago; the wait lasts until that one leaves the window.
    /// Only the oldest is known, so when more than `count` are in the window the wait can be too short
    /// and the next try is limited again, never let through early. Without an age the whole window is
    /// waited.
    public func retryAfter(recentCount: Int, oldestAge: TimeInterval?) -> TimeInterval? {
        guard recentCount >= max(1, count) else { return nil }
        return max(1, (window - (oldestAge ?? 0)).rounded(.up))
    }
}
