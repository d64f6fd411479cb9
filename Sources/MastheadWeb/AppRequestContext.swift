import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage plus the connection's peer address, which
/// rate limits key on (see ``ClientAddress``).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Comment forms are small; anything larger is refused before it is read into memory.
    public var maxUploadSize: Int { 64 * 1024 }
}
