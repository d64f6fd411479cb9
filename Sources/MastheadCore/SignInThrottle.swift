import Foundation

/// How many sign-in attempts are checked per window, counted three ways.
///
/// - An account from one address (`accountAtAddress`, 5): a person's own typos stop only themselves.
/// - An account from anywhere (`account`, 5): guesses spread over many addresses are as limited as
///   guesses from one. The price is that a stranger can hold one account shut for a window; raising
///   this limit trades that back for more guesses, while `accountAtAddress` still holds.
/// - An address on any account (`address`, 50): a newsroom or a campus behind one NAT address is not
///   shut out by one person's mistakes, yet one address cannot try passwords across many accounts.
///
/// Every attempt is counted before its password is checked, and one that brings a count past its limit
/// is refused unchecked: so at most `limit` attempts per window are ever judged, however many arrive at
/// once. The same answer comes whether or not the account exists, so the throttle tells an attacker
/// nothing. A window starts at the first attempt it counts and lasts `window`.
public struct SignInThrottle: Sendable {
    /// What one count is kept for.
    public enum Scope: String, Sendable, CaseIterable {
        case accountAtAddress = "account-at-address"
        case account
        case address
    }

    public var window: TimeInterval
    public var accountAtAddressLimit: Int
    public var accountLimit: Int
    public var addressLimit: Int

    public init(
        window: TimeInterval = 15 * 60, accountAtAddressLimit: Int = 5, accountLimit: Int = 5, addressLimit: Int = 50
    ) {
        self.window = window
        self.accountAtAddressLimit = accountAtAddressLimit
        self.accountLimit = accountLimit
        self.addressLimit = addressLimit
    }

    public func limit(_ scope: Scope) -> Int {
        switch scope {
        case .accountAtAddress: accountAtAddressLimit
        case .account: accountLimit
        case .address: addressLimit
        }
    }

    /// Seconds to wait before trying again, or nil when the attempt that made `count` in the window
    /// that began at `windowStart` may have its password checked.
    public func retryAfter(_ scope: Scope, count: Int, windowStart: Date, now: Date) -> Int? {
        guard count > limit(scope) else { return nil }
        return max(1, Int(windowStart.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
    }
}
