import Foundation
import Hummingbird
import HummingbirdAuth
import MastheadCore
import NIOCore

/// What a newsroom session remembers: who signed in, and the token every newsroom form repeats.
struct NewsroomSession: Codable, Sendable {
    var accountID: UUID
    var csrfToken: String
}

/// The request context of the `/newsroom` route group: the reader site's context plus the session and
/// the signed-in account, which ``SignedInMiddleware`` fills in before any page runs.
struct NewsroomRequestContext: ChildRequestContext, SessionRequestContext, RemoteAddressRequestContext {
    typealias ParentContext = AppRequestContext
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    let sessions: SessionContext<NewsroomSession>
    var account: StaffAccount?

    init(context: AppRequestContext) throws {
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
        sessions = SessionContext()
        account = nil
    }

    /// Newsroom forms carry whole stories; uploads have their own limit.
    var maxUploadSize: Int { 2 * 1024 * 1024 }

    /// The signed-in account; the middleware guarantees one on every page past sign-in.
    func staff() throws -> StaffAccount {
        guard let account else { throw HTTPError(.unauthorized) }
        return account
    }

    var idParameter: UUID? { parameters.get("id").flatMap(UUID.init(uuidString:)) }
}
