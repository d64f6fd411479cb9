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
///
/// One client must not hold the node's every stream: an address (``ClientAddress``) keeps at most
/// `perAddress` open (a reader with a few tabs), and the last ``reserve`` of the limit go only to
/// addresses that hold none yet, so many addresses each holding a few still leave room for new readers.
/// A stream's slot comes back as soon as its connection closes (``EventStreamHangUpHandler``).
final class LiveComments: Service, Sendable {
    let store: Store
    let limit: Int
    let perAddress: Int
    /// Events waiting for one connection before it counts as too slow.
    static let bufferSize = 32
    static let defaultPerAddress = 3
    /// How old a `comment.published` event may be and still be shown from what it carries. An older one
    /// waited in a queue, where a moderator may have rejected the comment, or its author deleted it,
    /// before it was heard: its comment is read again and shown only if still published.
    static let freshFor: TimeInterval = 2
    /// Tells an event's age; the site's clock.
    let clock: NewsClock

    /// Why a stream was not opened; each is answered with a 503 and a sentence for the reader.
    enum Refusal: Error {
        /// The node holds as many streams as it allows, or the rest are kept for new addresses.
        case nodeFull
        /// This address already holds `perAddress` streams.
        case addressFull
    }

    private struct Listener {
        let articleID: UUID
        let client: String
        let continuation: AsyncStream<String>.Continuation
    }

    private struct Streams {
        var listeners: [UUID: Listener] = [:]
        var perClient: [String: Int] = [:]
        var shutDown = false
    }

    private let streams = Mutex(Streams())

    init(
        store: Store, limit: Int, perAddress: Int = LiveComments.defaultPerAddress, clock: NewsClock = .system
    ) {
        self.store = store
        self.limit = limit
        self.perAddress = perAddress
        self.clock = clock
        store.changeFeed.followAfter(name: "live comments") { [self] event in
            guard event.name == .commentPublished, let id = event.subjectID, hasListeners else { return }
            if let shown = event.comment, let articleID = event.articleID,
                clock.now.timeIntervalSince(event.occurredAt) <= Self.freshFor
            {
                publish(id, on: articleID, shown)
                return
            }
            // An event that waited, or another node's whose notification could not carry the comment
            // (ChangeRelay).
            guard let comment = try? await store.comments.find(id), comment.status == .published else { return }
            publish(comment)
        }
    }

    /// Streams open on this node now: the gauge on the moderation screen.
    var openCount: Int { streams.withLock { $0.listeners.count } }

    /// The streams kept for addresses that hold none: a quarter of the limit.
    var reserve: Int { limit / 4 }

    private var hasListeners: Bool { streams.withLock { !$0.listeners.isEmpty } }

    /// A stream of encoded events for one article page, for the reader at `client` (a
    /// ``ClientAddress`` key). The stream's id lets the server end it when the connection closes or
    /// the server shuts down.
    func open(article articleID: UUID, id: UUID, client: String) throws(Refusal) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingOldest(Self.bufferSize))
        // Set before the stream can be seen, so that however it ends, its slot is given back.
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        let refusal = streams.withLock { streams -> Refusal? in
            let held = streams.perClient[client, default: 0]
            guard !streams.shutDown, streams.listeners.count < (held == 0 ? limit : limit - reserve) else {
                return .nodeFull
            }
            guard held < perAddress else { return .addressFull }
            streams.listeners[id] = Listener(articleID: articleID, client: client, continuation: continuation)
            streams.perClient[client] = held + 1
            return nil
        }
        if let refusal { throw refusal }
        continuation.yield(": connected\n\n")
        return stream
    }

    private func remove(_ id: UUID) {
        streams.withLock { streams in
            guard let listener = streams.listeners.removeValue(forKey: id) else { return }
            let held = streams.perClient[listener.client, default: 1] - 1
            streams.perClient[listener.client] = held > 0 ? held : nil
        }
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
        publish(comment.id, on: comment.articleID, PublishedComment(comment))
    }

    /// Sends the comment, as its event carried it, to the pages open on its story.
    func publish(_ id: UUID, on articleID: UUID, _ comment: PublishedComment) {
        let payload = Payload(
            id: id.lowercasedString, parentID: comment.parentID?.lowercasedString,
            displayName: comment.displayName, badge: comment.badge?.label, bodyHTML: comment.bodyHTML,
            isoTime: TimeLabel.iso8601(comment.createdAt))
        guard let json = try? JSONEncoder().encode(payload) else { return }
        let event = ServerSentEvent(
            id: payload.id, event: "comment", data: String(decoding: json, as: UTF8.self)
        ).encoded
        let targets = streams.withLock { $0.listeners.values.filter { $0.articleID == articleID } }
        for target in targets { Self.deliver(event, to: target) }
    }

    /// Ends one stream: its response finishes and the connection is free.
    func close(_ id: UUID) {
        streams.withLock { $0.listeners[id] }?.continuation.finish()
    }

    /// A reader whose buffer is full is dropped, not waited for.
    private static func deliver(_ event: String, to listener: Listener) {
        if case .dropped = listener.continuation.yield(event) { listener.continuation.finish() }
    }

    /// Keeps idle connections open through proxies, and notices readers who left.
    func keepAlive() {
        for listener in streams.withLock({ Array($0.listeners.values) }) {
            Self.deliver(ServerSentEvent.keepAlive, to: listener)
        }
    }

    /// Sends keep-alives while the server runs, and ends every stream when it stops, so that open pages
    /// do not hold the shutdown up.
    func run() async throws {
        while await pauseUnlessShuttingDown(for: .seconds(20)) {
            keepAlive()
        }
        let open = streams.withLock { streams in
            streams.shutDown = true
            return Array(streams.listeners.values)
        }
        for listener in open { listener.continuation.finish() }
    }
}

/// `GET /articles/:slug/live-comments`: the article's new comments as an event stream.
struct LiveCommentsController {
    let site: Site

    func register(on router: some RouterMethods<AppRequestContext>) {
        router.get(ReaderRoute.Pattern.liveComments, use: stream)
        router.allowOnly([.get], on: ReaderRoute.Pattern.liveComments)
    }

    func stream(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.slugParameter,
            let article = try await site.store.articles.visible(slug: slug, now: site.clock.now)
        else { throw HTTPError(.notFound) }
        let streamID = UUID()
        let events: AsyncStream<String>
        do {
            events = try site.live.open(article: article.id, id: streamID, client: site.clientKey(request, context))
        } catch .nodeFull {
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "60"],
                message: "Too many readers are following comments live right now; reload the page to see new ones.")
        } catch .addressFull {
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "60"],
                message: "Your network already follows comments live on \(site.live.perAddress) pages; close one of "
                    + "them and reload this page to follow its comments too.")
        }
        // A reader who leaves gives the slot back at once, not at the next keep-alive that fails.
        context.connectionClosed.whenComplete { [live = site.live] _ in live.close(streamID) }
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
