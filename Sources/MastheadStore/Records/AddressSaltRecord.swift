import FluentKit
import Foundation
import MastheadCore

final class AddressSaltRecord: Model, @unchecked Sendable {
    static let schema = "address_salts"

    @ID(custom: "day", generatedBy: .user) var id: String?
    @Field(key: "salt") var salt: String

    init() {}
}
