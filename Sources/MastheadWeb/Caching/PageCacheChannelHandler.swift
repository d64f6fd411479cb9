import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers a request the ``PageCache`` holds right in the channel pipeline, on the event loop, before
/// Hummingbird hands it to an async task and the router: the hit path of a busy reader page costs about
/// what a static file costs. Anything else (a miss, a signed-in reader, a write) passes through
/// untouched. Requests on one connection come one at a time (NIO's pipelining handler holds the next
/// until this one is answered), so answering here keeps responses in order.
final class PageCacheChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let cache: PageCache
    /// The answer to the request being read, written once its end arrives; nil while passing through.
    private var answering: (response: HTTPResponse, body: ByteBuffer?)?

    init(cache: PageCache) {
        self.cache = cache
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let request):
            if !Self.asksToClose(request), let page = cache.page(for: request) {
                answering = page.answer(request)
            } else {
                answering = nil
                context.fireChannelRead(data)
            }
        case .body:
            if answering == nil { context.fireChannelRead(data) }
        case .end:
            guard let (response, body) = answering else {
                context.fireChannelRead(data)
                return
            }
            answering = nil
            context.write(wrapOutboundOut(.head(response)), promise: nil)
            if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// A client that wants the connection closed after this response is left to Hummingbird, which
    /// knows how to close it.
    private static func asksToClose(_ request: HTTPRequest) -> Bool {
        request.headerFields[values: .connection].contains { $0.lowercased().contains("close") }
    }
}
