import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel with ``PageCacheChannelHandler`` right after NIO's HTTP/1 decoder, where
/// it reads NIO's own request parts: Hummingbird's `additionalChannelHandlers` go after its conversion
/// to HTTP types, which a hit need not pay for.
struct PageCacheHTTP1Channel: ServerChildChannel {
    let base: HTTP1Channel
    let cache: PageCache
    let serverName: String?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(
                PageCacheChannelHandler(cache: cache, serverName: serverName),
                position: .after(try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the page cache's hits answered in the channel pipeline.
    static func http1(
        configuration: HTTP1Channel.Configuration, pageCache: PageCache, serverName: String?
    ) -> HTTPServerBuilder {
        .init { responder in
            PageCacheHTTP1Channel(
                base: HTTP1Channel(responder: responder, configuration: configuration), cache: pageCache,
                serverName: serverName)
        }
    }
}
