import Hummingbird
import MastheadCore
import NIOCore

/// The per-request context: Hummingbird's core storage plus the connection's peer address, which
/// rate limits key on (see ``ClientAddress``).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The connection's event loop, which the handler runs on (``EventLoopAffinityMiddleware``).
    let eventLoop: any EventLoop
    /// Completes when the connection closes: a live stream ends then instead of at its next write.
    let connectionClosed: EventLoopFuture<Void>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        eventLoop = source.channel.eventLoop
        connectionClosed = source.channel.closeFuture
    }

    /// Comment forms are small; anything larger is refused before it is read into memory.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The `:slug` of the matched route, when it is a well-formed slug; anything else matches no story.
    var slugParameter: Slug? { parameters.get("slug").flatMap { Slug($0) } }
}
