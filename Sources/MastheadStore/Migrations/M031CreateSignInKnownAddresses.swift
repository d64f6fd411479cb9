import FluentKit

/// The addresses each account signed in from, hashed with the account (``SignInAttemptRepository``):
/// an attempt from one of them is spared the account-wide count, so a stranger's guesses cannot shut an
/// account out of the places it is used from.
struct M031CreateSignInKnownAddresses: AsyncMigration {
    var name: String { "031-create-sign-in-known-addresses" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_known_addresses")
            .field("key_hash", .string, .identifier(auto: false))
            .field("signed_in_at", .datetime, .required)
            // A database migrated while M027 briefly made this table already has it.
            .ignoreExisting()
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_known_addresses").delete()
    }
}
