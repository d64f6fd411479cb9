import AsyncHTTPClient
import Foundation
import Logging
import MastheadCore
import MastheadStore
import NIOCore
import ServiceLifecycle

/// Tells a CDN in front of the site which pages went stale, by the same surrogate keys the pages carry
/// (``CacheKey``): a `POST` to the configured address with the keys in a `Surrogate-Key` header and as
/// JSON, and the token, when set, as a bearer credential. It runs once per site, from the events table
/// (``EventFollower``), after the answer: a burst of comments is one call for the keys of all of
/// them, and a purge the CDN does not take is sent again, from the same change, until it does.
struct CDNPurge: Service {
    static let followerName = "cdn-purge"
    let follower: EventFollower

    init(url: String, token: String?, store: Store, logger: Logger) {
        let sender = Sender(url: url, token: token)
        follower = EventFollower(name: Self.followerName, store: store, startsAtNewest: true, logger: logger) {
            events in try await sender.purge(events)
        }
    }

    func run() async throws {
        try await cancelWhenGracefulShutdown { await follower.run() }
    }

    struct Refused: Error, CustomStringConvertible {
        let status: UInt
        var description: String { "the CDN refused a purge: HTTP \(status)" }
    }

    struct Sender: Sendable {
        let url: String
        let token: String?

        func purge(_ events: [DomainEvent]) async throws {
            var keys = Set<String>()
            for event in events {
                switch CacheInvalidation.of(event) {
                case .nothing: continue
                case .keys(let more): keys.formUnion(more)
                case .everything: keys.insert(CacheKey.site)
                }
            }
            guard !keys.isEmpty else { return }
            let list = keys.sorted()
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Surrogate-Key", value: list.joined(separator: " "))
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            let body = (try? JSONEncoder().encode(["surrogate_keys": list])) ?? Data()
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            guard (200..<300).contains(response.status.code) else { throw Refused(status: response.status.code) }
        }
    }
}
