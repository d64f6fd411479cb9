import Foundation
import HTTPTypes
import Logging
import MastheadCore
import MastheadStore
import NIOCore
import NIOHTTP1
import Synchronization

/// Every reader page, feed, sitemap and Content API response, kept rendered and compressed in memory,
/// bounded in bytes (least recently used first out), and dropped precisely when what it shows changes:
/// the change feed says what changed on any node (``CacheInvalidation``), and pages expire by
/// themselves at local midnight and when a scheduled story falls due (``CacheExpiry``).
///
/// Only requests that carry nothing personal are answered from it or fill it: a signed-in reader's
/// requests bypass it, and a page is kept only when its handler tagged it (`Surrogate-Key`) and it sets
/// no cookie. Entries are keyed by path and the query parameters pages read (``CacheableAddress``);
/// responses vary by nothing else but the encoding, which one entry holds both of.
///
/// Addresses with a query (a page of older stories, a comment order, a search) can still be made up
/// in any number with values a route accepts (any well-formed cursor, any search text), so they share
/// a quarter of the budget among themselves: however many a client invents, the pages most readers
/// land on keep the other three quarters.
final class PageCache: Sendable {
    /// Bytes the cache may hold; 0 turns it off (pages still get validators and gzip).
    let capacity: Int
    let clock: NewsClock
    private let timeZone: @Sendable () -> TimeZone
    /// How far a read replica may lag (0 without one): a page rendered within this long of a change to
    /// what it shows is kept only until this long after the change, so a replica that had not caught
    /// up cannot leave a stale page cached.
    let replicaLag: Duration

    private struct State {
        /// Addresses without a query.
        var pages: RecencyCache<String, CachedPage>
        /// Addresses with one, in their own smaller budget (``variantShare``).
        var variants: RecencyCache<String, CachedPage>
        /// Counts invalidations; a render that began before one that concerns it is not kept, since it
        /// may have read what changed before the change.
        var generation: UInt64 = 0
        var everythingDropped = Drop(generation: 0, time: .now)
        var keysDropped: [String: Drop] = [:]
        var nextVisibilityChange: Date?

        mutating func withPool<T>(for key: String, _ body: (inout RecencyCache<String, CachedPage>) -> T) -> T {
            key.utf8.contains(UInt8(ascii: "?")) ? body(&variants) : body(&pages)
        }
    }

    /// The part of the budget addresses with a query share.
    static let variantShare = 4

    /// The last invalidation of a key (or of everything): its generation, and when it happened by the
    /// monotonic clock, since with a read replica a page rendered soon after may have read rows the
    /// replica had not replayed yet.
    private struct Drop {
        let generation: UInt64
        let time: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let hitCount = Atomic<Int>(0)
    private let missCount = Atomic<Int>(0)

    init(
        capacity: Int, clock: NewsClock, replicaLag: Duration = .zero, timeZone: @escaping @Sendable () -> TimeZone
    ) {
        self.capacity = capacity
        self.clock = clock
        self.replicaLag = replicaLag
        self.timeZone = timeZone
        let variants = capacity / Self.variantShare
        state = Mutex(
            State(
                pages: RecencyCache(capacity: capacity - variants), variants: RecencyCache(capacity: variants)))
    }

    var isEnabled: Bool { capacity > 0 }
    var hits: Int { hitCount.load(ordering: .relaxed) }
    var misses: Int { missCount.load(ordering: .relaxed) }
    var entryCount: Int { state.withLock { $0.pages.count + $0.variants.count } }
    var bytes: Int { state.withLock { $0.pages.totalCost + $0.variants.totalCost } }

    /// Found in a `Cookie` header with or without the `__Host-` prefix.
    private static let readerCookie = ReaderSessions.plainCookieName + "="

    /// Whether a request may be answered from the cache or fill it: a `GET` or `HEAD` with no reader
    /// session, no credentials, and from no browser that has just written (which must see its change).
    static func mayServe(_ request: HTTPRequest) -> Bool {
        (request.method == .get || request.method == .head)
            && mayServe(
                authorized: request.headerFields[.authorization] != nil,
                cookies: request.headerFields[values: .cookie])
    }

    private static func mayServe(authorized: Bool, cookies: [String]) -> Bool {
        !authorized && !cookies.contains { $0.contains(readerCookie) } && !Site.hasFreshWrite(cookies)
    }

    /// The cached page for a request, when there is one still current.
    func page(for request: HTTPRequest) -> CachedPage? {
        guard isEnabled, Self.mayServe(request), let path = request.path.flatMap(CacheableAddress.key) else {
            return nil
        }
        return page(at: path)
    }

    /// The same for a request as NIO's HTTP/1 decoder reads it (``PageCacheChannelHandler``). Its
    /// target is the path Hummingbird would route when it starts with `/`; any other form is left to
    /// Hummingbird.
    func page(for request: HTTPRequestHead) -> CachedPage? {
        guard isEnabled, request.method == .GET || request.method == .HEAD,
            Self.mayServe(
                authorized: request.headers.contains(name: "Authorization"), cookies: request.headers["Cookie"]),
            let path = CacheableAddress.key(request.uri)
        else { return nil }
        return page(at: path)
    }

    private func page(at path: String) -> CachedPage? {
        let now = clock.now
        let found = state.withLock { state -> CachedPage? in
            state.withPool(for: path) { pool in
                guard let page = pool.value(for: path) else { return nil }
                guard page.expires > now, page.settled.map({ ContinuousClock.now < $0 }) ?? true else {
                    pool.remove(path)
                    return nil
                }
                return page
            }
        }
        if found != nil {
            hitCount.add(1, ordering: .relaxed)
        } else {
            missCount.add(1, ordering: .relaxed)
        }
        return found
    }

    /// Marks the start of a render whose result may be kept.
    func beginRender() -> UInt64 {
        state.withLock { $0.generation }
    }

    /// Builds the entry for a rendered response and keeps it, unless something it shows changed
    /// since `generation`.
    func keep(
        path: String, headers: HTTPFields, body: ByteBuffer, keys: Set<String>, until: Date?, since generation: UInt64,
        for request: HTTPRequest
    ) -> CachedPage {
        let now = clock.now
        let (nextChange, lastDrop) = state.withLock { state in
            (
                state.nextVisibilityChange,
                keys.compactMap { state.keysDropped[$0]?.time }.reduce(state.everythingDropped.time) { max($0, $1) }
            )
        }
        var page = CachedPage(
            headers: headers, body: body, keys: keys, lastModified: CachedPage.lastModified(headers, now: now),
            expires: CacheExpiry.expiry(now: now, timeZone: timeZone(), dueAt: [nextChange, until]),
            compress: isEnabled || CachedPage.acceptsGzip(request.headerFields[values: .acceptEncoding]))
        if replicaLag > .zero, ContinuousClock.now < lastDrop + replicaLag { page.settled = lastDrop + replicaLag }
        guard isEnabled else { return page }
        state.withLock { state in
            guard state.everythingDropped.generation <= generation,
                !keys.contains(where: { (state.keysDropped[$0]?.generation ?? 0) > generation })
            else { return }
            state.withPool(for: path) { $0.insert(page, for: path, cost: page.cost, tags: keys) }
        }
        return page
    }

    func invalidate(_ invalidation: CacheInvalidation) {
        state.withLock { state in
            switch invalidation {
            case .nothing:
                return
            case .everything:
                state.generation += 1
                state.everythingDropped = Drop(generation: state.generation, time: .now)
                // Older marks are covered by this one.
                state.keysDropped.removeAll()
                state.pages.removeAll()
                state.variants.removeAll()
            case .keys(let keys):
                state.generation += 1
                let drop = Drop(generation: state.generation, time: .now)
                for key in keys { state.keysDropped[key] = drop }
                state.pages.remove(taggedWith: keys)
                state.variants.remove(taggedWith: keys)
            }
        }
    }

    /// Follows changes on every node, and the next scheduled story, from the store.
    func follow(_ store: Store, logger: Logger) async {
        await refreshNextVisibilityChange(store, logger: logger)
        store.changeFeed.follow { [self] event in
            let invalidation = CacheInvalidation.of(event)
            invalidate(invalidation)
            guard event.name.isAboutAnArticle else { return }
            // Read again without holding up the followers after this one (live comments among them).
            // Pages rendered meanwhile may carry the old expiry: dropped once more when it is known.
            Task {
                await refreshNextVisibilityChange(store, logger: logger)
                invalidate(invalidation)
            }
        }
        store.changeFeed.onFollowInterrupted { [self] in
            // Changes made elsewhere while this node could not hear them are unknown: start again.
            invalidate(.everything)
        }
    }

    private func refreshNextVisibilityChange(_ store: Store, logger: Logger) async {
        do {
            let next = try await store.articles.nextVisibilityChange(after: clock.now)
            state.withLock { $0.nextVisibilityChange = next }
        } catch {
            // Without it pages still expire at midnight and on every publish; the scheduler publishes
            // a due story within 30 seconds, which drops the lists.
            logger.warning("The page cache could not read the next scheduled story: \(error)")
        }
    }
}
