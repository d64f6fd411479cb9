import FluentKit

/// Failed sign-ins, keyed by account and by address, shared by every node so the throttle holds.
struct M014CreateSignInFailures: AsyncMigration {
    var name: String { "014-create-sign-in-failures" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        try await database.createIndex(
            "sign_in_failures_key_failed_at", on: "sign_in_failures", columns: ["key", "failed_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.dropIndex("sign_in_failures_key_failed_at")
        try await database.schema("sign_in_failures").delete()
    }
}
