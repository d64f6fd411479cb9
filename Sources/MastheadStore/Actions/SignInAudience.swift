import FluentKit
import Foundation
import MastheadCore

/// Whose sign-in it is: the newsroom's staff or the site's readers. Each finds its accounts its own way
/// and keeps its own counts in the throttle; everything else about signing in is ``SignIn``'s, once.
public struct SignInAudience<Account: Sendable>: Sendable {
    /// Keeps this audience's throttle counts apart from the other's.
    let name: String
    /// The form of an email the throttle counts by, so `Ola@Example.com ` and `ola@example.com` are one.
    let normalisedEmail: @Sendable (String) -> String
    /// The account with this email and its bcrypt hash, or nil when there is none that can sign in.
    let credentials:
        @Sendable (_ email: String, _ database: any Database) async throws -> (account: Account, hash: String)?
}

extension SignInAudience where Account == StaffAccount {
    /// The newsroom's accounts.
    public static var staff: Self {
        Self(name: "staff", normalisedEmail: { StaffAccount.normalisedEmail($0) ?? $0.lowercased() }) {
            email, database in
            try await StaffAccountRepository(database: database).credentials(email: email)
        }
    }
}

extension SignInAudience where Account == Commenter {
    /// Readers' accounts, confirmed or not yet; a deleted one has no email or password left to match.
    public static var reader: Self {
        Self(name: "reader", normalisedEmail: ReaderRegistration.normalizedEmail) { email, database in
            guard
                let record = try await CommenterRecord.query(on: database)
                    .filter(\.$email == ReaderRegistration.normalizedEmail(email)).first(),
                let hash = record.passwordHash, let commenter = record.commenter
            else { return nil }
            return (commenter, hash)
        }
    }
}
