import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MastheadCore
import MastheadStore
import ServiceLifecycle
import Synchronization

/// Newly published comments pushed to open article pages as Server-Sent Events, fed by the write
/// layer's change feed.
///
/// Each connection has a small buffer. A reader too slow to take their events is dropped (their page
/// keeps working and can reconnect) rather than letting the buffer grow: one stalled connection must
/// never cost the server memory. The number of open streams on this node is capped, and shown.
final class LiveComments: Service, Sendable {
    let store: Store
    let limit: Int
    /// Events waiting for one connection before it counts as too slow.
    static let bufferSize = 32

    private struct Listener {
        let articleID: UUID
        let continuation: AsyncStream<String>.Continuation
    }

    private let listeners = Mutex<[UUID: Listener]>([:])
    private let shutDown = Mutex(false)

    init(store: Store, limit: Int) {
        self.store = store
        self.limit = limit
        store.changeFeed.follow { [self] event in
            guard event.name == .commentPublished, let id = event.subjectID, hasListeners else { return }
            guard let comment = try? await store.comments.find(id), comment.status == .published else { return }
            publish(comment)
        }
    }

    /// Streams open on this node now: the gauge on the moderation screen.
    var openCount: Int { listeners.withLock { $0.count } }

    private var hasListeners: Bool { listeners.withLock { !$0.isEmpty } }

    /// A stream of encoded events for one article page, or nil when the node has as many as it allows.
    /// The stream's id lets the server end it when it shuts down.
    func open(article articleID: UUID, id: UUID) -> AsyncStream<String>? {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingOldest(Self.bufferSize))
        let admitted = listeners.withLock { listeners -> Bool in
            guard listeners.count < limit, !shutDown.withLock({ $0 }) else { return false }
            listeners[id] = Listener(articleID: articleID, continuation: continuation)
            return true
        }
        guard admitted else { return nil }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.removeValue(forKey: id) }
        }
        continuation.yield(": connected\n\n")
        return stream
    }

    /// What a page needs to show a comment it did not have: its text is already escaped HTML.
    struct Payload: Encodable {
        let id: String
        let parentID: String?
        let displayName: String
        let badge: String?
        let bodyHTML: String
        let isoTime: String
    }

    func publish(_ comment: Comment) {
        let payload = Payload(
            id: comment.id.lowercasedString, parentID: comment.parentID?.lowercasedString,
            displayName: comment.displayName, badge: comment.badge?.label, bodyHTML: comment.bodyHTML,
            isoTime: TimeLabel.iso8601(comment.createdAt))
        guard let json = try? JSONEncoder().encode(payload) else { return }
        let event = ServerSentEvent(
            id: payload.id, event: "comment", data: String(decoding: json, as: UTF8.self)
        ).encoded
        let targets = listeners.withLock { $0.values.filter { $0.articleID == comment.articleID } }
        for target in targets { Self.deliver(event, to: target) }
    }

    /// Ends one stream: its response finishes and the connection is free.
    func close(_ id: UUID) {
        listeners.withLock { $0[id] }?.continuation.finish()
    }

    /// A reader whose buffer is full is dropped, not waited for.
    private static func deliver(_ event: String, to listener: Listener) {
        if case .dropped = listener.continuation.yield(event) { listener.continuation.finish() }
    }

    /// Keeps idle connections open through proxies, and notices readers who left.
    func keepAlive() {
        for listener in listeners.withLock({ Array($0.values) }) {
            Self.deliver(ServerSentEvent.keepAlive, to: listener)
        }
    }

    /// Sends keep-alives while the server runs, and ends every stream when it stops, so that open pages
    /// do not hold the shutdown up.
    func run() async throws {
        while await pauseUnlessShuttingDown(for: .seconds(20)) {
            keepAlive()
        }
        shutDown.withLock { $0 = true }
        for listener in listeners.withLock({ Array($0.values) }) { listener.continuation.finish() }
    }
}

/// `GET /articles/:slug/live-comments`: the article's new comments as an event stream.
struct LiveCommentsController {
    let site: Site

    func register(on router: Router<AppRequestContext>) {
        router.get(SiteRoute.Pattern.liveComments, use: stream)
        router.allowOnly([.get], on: SiteRoute.Pattern.liveComments)
    }

    func stream(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter,
            let article = try await site.store.articles.visible(slug: slug, now: site.clock.now)
        else { throw HTTPError(.notFound) }
        let streamID = UUID()
        guard let events = site.live.open(article: article.id, id: streamID) else {
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "60"],
                message: "Too many readers are following comments live right now; reload the page to see new ones.")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { [live = site.live] writer in
                // The server waits for open responses when it stops: end this one as soon as it starts to.
                try await withGracefulShutdownHandler {
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event))
                    }
                    try await writer.finish(nil)
                } onGracefulShutdown: {
                    live.close(streamID)
                }
            })
    }
}
