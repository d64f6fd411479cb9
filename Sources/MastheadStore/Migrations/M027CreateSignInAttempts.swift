import FluentKit

/// Sign-in attempts as one count per throttle key (``SignInAttemptRepository``), in place of a row per
/// failure: a count that is raised and read in one statement cannot be raced past its limit, where
/// reading the failures and then checking the password let any number of attempts through at once.
/// The failures kept until now only ever held sign-ins back for fifteen minutes, so they are dropped.
struct M027CreateSignInAttempts: AsyncMigration {
    var name: String { "027-create-sign-in-attempts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_attempts")
            .field("key_hash", .string, .identifier(auto: false))
            .field("window_start", .datetime, .required)
            .field("attempts", .int64, .required)
            .create()
        try await database.createIndex(
            "sign_in_attempts_window_start", on: "sign_in_attempts", columns: ["window_start"])
        try await database.schema("sign_in_failures").delete()
    }

    func revert(on database: any Database) async throws {
        try await M014CreateSignInFailures().prepare(on: database)
        try await database.schema("sign_in_attempts").delete()
    }
}
