import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Dresses the responses written below the router. Hummingbird 2.28 answers a request the HTTP parser
/// rejects (a malformed request line or header) with a bare `400` of its own, written straight to the
/// channel: no body and none of ``SecurityHeaders``. This handler sits in the channel pipeline, gives
/// every response head that lacks them the security headers, and gives that bare `400` a sentence a
/// person can read.
final class ParserErrorResponseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let explanation = "Bad request: the server could not read this request.\n"
    private var pendingBody: ByteBuffer?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.headerFields[.contentSecurityPolicy] == nil:
            SecurityHeaders.apply(to: &head.headerFields)
            if head.status == .badRequest, head.headerFields[.contentLength] == "0" {
                let body = context.channel.allocator.buffer(string: Self.explanation)
                head.headerFields[.contentType] = "text/plain; charset=utf-8"
                head.headerFields[.contentLength] = String(body.readableBytes)
                pendingBody = body
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers) where pendingBody != nil:
            context.write(wrapOutboundOut(.body(pendingBody!)), promise: nil)
            pendingBody = nil
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }
}
