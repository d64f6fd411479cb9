import FluentKit

/// Who asked for each mail to a reader's address (``MailRequestRecord``), so the mail limit counts per
/// recipient and requester: a stranger who keeps signing up with someone's address no longer uses up
/// the mail that person's own sign-up needs.
struct M029CreateMailRequests: AsyncMigration {
    var name: String { "029-create-mail-requests" }

    func prepare(on database: any Database) async throws {
        try await database.schema("mail_requests").id()
            .field("recipient", .string, .required)
            .field("requester", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex(
            "mail_requests_recipient_created_at", on: "mail_requests", columns: ["recipient", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_requests").delete()
    }
}
