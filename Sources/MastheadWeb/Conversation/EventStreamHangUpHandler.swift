import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client hangs up while it is being sent an event stream.
///
/// The server lets clients half-close (one may send its request, shut its side and still read the
/// answer), so a reader who closes the page reaches the server only as the end of its input. An
/// ordinary response finishes anyway; an event stream never does, and its connection, with the
/// reader's live-comment slot, stayed open until a keep-alive write failed seconds later. Closed here,
/// the connection's close future ends the stream at once (``LiveCommentsController``).
final class EventStreamHangUpHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Whether the response being written is an event stream.
    private var streaming = false
    private var inputClosed = false

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        guard case .some(.inputClosed) = event as? ChannelEvent else { return }
        inputClosed = true
        if streaming { context.close(promise: nil) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let response):
            streaming = response.headerFields[.contentType]?.hasPrefix("text/event-stream") == true
        case .body:
            break
        case .end:
            streaming = false
        }
        context.write(data, promise: promise)
        // The client had already hung up when its stream began.
        if case .head = part, streaming, inputClosed { context.close(promise: nil) }
    }
}
