import FluentKit
import Foundation

/// A mail written to a reader's address and who asked for it (a hash of the client's address): what
/// the mail limits count (``CommenterAccountActions/mail(to:requester:subject:body:now:on:)``).
final class MailRequestRecord: Model, @unchecked Sendable {
    static let schema = "mail_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "requester") var requester: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
