import FluentKit
import Foundation

/// Rows that outlive their use and that no request removes, for the server's periodic housekeeping.
extension Store {
    /// Drops the sign-in counts whose window is over. A success clears only its own counts, so made-up
    /// emails tried from ever new addresses each leave a row that only this removes. `window` is the
    /// longest any ``SignInThrottle`` on the site uses: a younger count may still be counting. Addresses
    /// accounts signed in from go once they are older than `knownAddressMemory`, when they no longer count.
    public func dropExpiredSignInCounts(window: TimeInterval, knownAddressMemory: TimeInterval, now: Date)
        async throws
    {
        let attempts = SignInAttemptRepository(database: database)
        try await attempts.dropExpired(now: now, window: window)
        try await attempts.forgetAddresses(signedInBefore: now.addingTimeInterval(-knownAddressMemory))
    }

    /// Drops the record of who asked for mail once it is older than any mail limit looks back.
    public func dropSpentMailRequests(now: Date) async throws {
        try await MailRequestRecord.query(on: database)
            .filter(\.$createdAt <= now.addingTimeInterval(-CommenterAccountActions.mailLimitWindow)).delete()
    }
}
