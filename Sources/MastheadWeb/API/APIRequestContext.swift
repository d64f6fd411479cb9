import Foundation
import Hummingbird
import MastheadCore
import NIOCore

/// The request context of `/api/v1`: no cookies, no CSRF; a bearer key's account for the Admin API.
struct APIRequestContext: ChildRequestContext, RemoteAddressRequestContext {
    typealias ParentContext = AppRequestContext
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    /// The account a valid `Authorization: Bearer` key acts as; nil on the Content API.
    var account: StaffAccount?
    /// The key itself, for idempotency records.
    var keyID: UUID?

    init(context: AppRequestContext) throws {
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
    }

    /// Above the largest valid request (a 200,000-character body in UTF-8 and the other fields), so
    /// only what no valid request could be is refused unread.
    var maxUploadSize: Int { 4 * 1024 * 1024 }

    func staff() throws -> StaffAccount {
        guard let account else {
            throw APIError(.unauthorized, code: "unauthorized", "Send an API key as a bearer token.")
        }
        return account
    }
}
