import Foundation

/// How many sign-in attempts are checked per window, counted three ways.
///
/// - An account from one address (`accountAtAddress`, 5): a person's own typos stop only themselves.
/// - An account from anywhere it has not signed in from lately (`account`, 5): guesses spread over many
///   addresses are as limited as guesses from one. An address the account signed in from within
///   `knownAddressMemory` (90 days) is spared this count, so a stranger who knows an editor's email
///   can shut the account to new places only, never to the office or home it is used from.
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
    /// How long a successful sign-in from an address spares it the account-wide count.
    public var knownAddressMemory: TimeInterval = 90 * 24 * 3_600

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
