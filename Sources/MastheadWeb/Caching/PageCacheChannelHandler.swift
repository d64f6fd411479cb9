import Foundation
import MastheadCore
import NIOCore
import NIOHTTP1

/// Answers a request the ``PageCache`` holds right in the channel pipeline, on the event loop, as soon
/// as NIO's HTTP/1 decoder has read it: before Hummingbird converts it to HTTP types, hands it to an
/// async task and the router. The answer is the page's ready head (``CachedPageHeads``) with this
/// second's `Date`, and its body, flushed together. Anything else (a miss, a signed-in reader, a write)
/// passes through untouched.
///
/// A client may send its next requests before the first is answered (pipelining), and Hummingbird
/// reads them as they come. Responses must leave in the order the requests came, so while a request
/// passed on is still unanswered, hits are passed on too (the router's ``PageCacheMiddleware`` answers
/// them, after it).
final class PageCacheChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let cache: PageCache
    /// The `Server` field the router's responses carry.
    private let serverName: String?
    /// The answer to the request being read, written once its end arrives; nil while passing through.
    private var answering: (response: HTTPResponseHead, body: ByteBuffer?)?
    /// `Date` for the second it was last made in, made again when the second changes.
    private var date = (second: 0, text: "")
    /// Requests passed on whose response has not ended yet.
    private var unanswered = 0

    init(cache: PageCache, serverName: String?) {
        self.cache = cache
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            // Only while the client reads what it is sent: a hit answered here is written without
            // Hummingbird's backpressure, so a client that pipelines requests and never reads would have
            // the answers pile up in memory. Passed on, Hummingbird stops reading until it can write.
            if unanswered == 0, context.channel.isWritable, !Self.asksToClose(request),
                let page = cache.page(for: request)
            {
                answering = page.answer(request, date: currentDate(), server: serverName)
            } else {
                answering = nil
                unanswered += 1
                context.fireChannelRead(data)
            }
        case .body:
            if answering == nil { context.fireChannelRead(data) }
        case .end:
            guard let (head, body) = answering else {
                context.fireChannelRead(data)
                return
            }
            answering = nil
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if let body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// Counts the responses to requests passed on as they end.
    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    private func currentDate() -> String {
        let now = Date()
        let second = Int(now.timeIntervalSince1970)
        if second != date.second { date = (second, HTTPDate.format(now)) }
        return date.text
    }

    /// A client that wants the connection closed after this response is left to Hummingbird, which
    /// knows how to close it.
    private static func asksToClose(_ request: HTTPRequestHead) -> Bool {
        request.headers["Connection"].contains { $0.lowercased().contains("close") }
    }
}
