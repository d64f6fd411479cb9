import FluentKit
import Foundation

/// How often a reader's address is mailed. A mail counts for its recipient and for its requester, the
/// hash of the client address that asked for it (what the reader pages' rate limits count by): one per
/// ``mailInterval`` for each recipient and requester, so a stranger who keeps signing up with someone's
/// address uses up only their own allowance, and the owner asking from anywhere else still gets a link.
/// The inbox is bounded as well, by ``mailsPerRecipientPerHour`` from everyone together, a number one
/// requester (twelve an hour at most) cannot reach alone.
extension CommenterAccountActions {
    public static let mailInterval: TimeInterval = 5 * 60
    public static let mailsPerRecipientPerHour = 20
    static let mailLimitWindow: TimeInterval = 3_600

    /// Writes the mail to the outbox unless a limit holds it back; says which.
    @discardableResult
    static func mail(
        to recipient: String, requester: String, subject: String, body: String, now: Date, on database: any Database
    ) async throws -> Bool {
        let fromRequester = try await MailRequestRecord.query(on: database).filter(\.$recipient == recipient)
            .filter(\.$requester == requester).filter(\.$createdAt > now.addingTimeInterval(-mailInterval)).count()
        guard fromRequester == 0 else { return false }
        let fromEveryone = try await MailRequestRecord.query(on: database).filter(\.$recipient == recipient)
            .filter(\.$createdAt > now.addingTimeInterval(-mailLimitWindow)).count()
        guard fromEveryone < mailsPerRecipientPerHour else { return false }
        let request = MailRequestRecord()
        request.recipient = recipient
        request.requester = requester
        request.createdAt = now
        try await request.create(on: database)
        let record = OutboxRecord()
        record.recipient = recipient
        record.subject = subject
        record.body = body
        record.createdAt = now
        record.attempts = 0
        try await record.create(on: database)
        return true
    }
}
