import Foundation
import Logging
import MastheadCore
import MastheadStore
import ServiceLifecycle

/// Once an hour while the server runs, deletes rows that have outlived their use and that no request
/// removes: sign-in counts whose window is over, and the record of who asked for mail once the mail
/// limits no longer look at it.
struct Housekeeping: Service {
    let store: Store
    let clock: NewsClock
    /// The longest window of any sign-in throttle on the site.
    let signInWindow: TimeInterval
    /// How long a sign-in from an address spares it the account-wide count (``SignInThrottle``).
    var knownAddressMemory = SignInThrottle().knownAddressMemory
    let logger: Logger

    func run() async throws {
        while await pauseUnlessShuttingDown(for: .seconds(3_600)) {
            await sweep()
        }
    }

    /// One round; a failure is logged and the next round tries again.
    func sweep() async {
        do {
            try await store.dropExpiredSignInCounts(
                window: signInWindow, knownAddressMemory: knownAddressMemory, now: clock.now)
            try await store.dropSpentMailRequests(now: clock.now)
        } catch {
            logger.warning("Housekeeping could not delete old rows: \(String(reflecting: error))")
        }
    }
}
