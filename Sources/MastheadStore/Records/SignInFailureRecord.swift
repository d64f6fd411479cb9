import FluentKit
import Foundation

final class SignInFailureRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failed_at") var failedAt: Date

    init() {}

    init(key: String, failedAt: Date) {
        id = UUID()
        self.key = key
        self.failedAt = failedAt
    }
}
