import FluentKit
import Foundation

final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(key: String, value: String, expiresAt: Date?) {
        self.id = key
        self.value = value
        self.expiresAt = expiresAt
    }
}
