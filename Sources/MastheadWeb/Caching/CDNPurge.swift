import AsyncHTTPClient
import Foundation
import Logging
import MastheadCore
import MastheadStore
import NIOCore
import ServiceLifecycle
import Synchronization

/// Tells a CDN in front of the site which pages went stale, by the same surrogate keys the pages carry
/// (``CacheKey``): a `POST` to the configured address with the keys in a `Surrogate-Key` header and as
/// JSON, and the token, when set, as a bearer credential. Only the node that made a change sends it.
/// Purges queue while one is in flight and go together in the next, so a burst of comments is a few
/// calls, not one per comment. A purge that fails is logged; the CDN's `s-maxage` bounds what it serves.
final class CDNPurge: Service, Sendable {
    let url: String
    let token: String?
    let logger: Logger
    private let pending = Mutex<Set<String>>([])
    private let wake: AsyncStream<Void>
    private let waker: AsyncStream<Void>.Continuation

    init(url: String, token: String?, store: Store, logger: Logger) {
        self.url = url
        self.token = token
        self.logger = logger
        // One wake-up waiting at most: keys that arrive meanwhile join the pending set.
        (wake, waker) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        store.changeFeed.subscribe { [self] event in
            switch CacheInvalidation.of(event) {
            case .nothing: return
            case .keys(let keys): pending.withLock { $0.formUnion(keys) }
            case .everything: pending.withLock { _ = $0.insert(CacheKey.site) }
            }
            waker.yield()
        }
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wake {
                let keys = pending.withLock { keys in
                    defer { keys.removeAll() }
                    return keys
                }
                if !keys.isEmpty { await send(keys) }
            }
        } onGracefulShutdown: { [waker] in
            waker.finish()
        }
    }

    private func send(_ keys: Set<String>) async {
        let list = keys.sorted()
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Surrogate-Key", value: list.joined(separator: " "))
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let body = (try? JSONEncoder().encode(["surrogate_keys": list])) ?? Data()
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            if !(200..<300).contains(response.status.code) {
                logger.warning("The CDN refused a purge of \(list.count) keys: HTTP \(response.status.code)")
            }
        } catch {
            logger.warning("The CDN purge did not go through: \(error)")
        }
    }
}
