import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import Testing

@testable import MastheadWeb

/// A response that sets a cookie is one reader's, even when its handler tagged it for the cache: no
/// reader may be handed another's cookie from the shared copy.
@Suite struct PageCachePersonalResponseTests {
    /// The cache in front of two routes that tag their response for it; `/personal` sets a cookie too.
    static func app(_ cache: PageCache) -> some ApplicationProtocol {
        let router = Router()
        router.middlewares.add(PageCacheMiddleware(cache: cache))
        router.get("/shared") { _, _ in
            Response(
                status: .ok, headers: [.surrogateKey: CacheKey.site],
                body: ResponseBody(byteBuffer: .init(string: "Shared")))
        }
        router.get("/personal") { _, _ in
            Response(
                status: .ok, headers: [.surrogateKey: CacheKey.site, .setCookie: "preference=\(UUID()); Path=/"],
                body: ResponseBody(byteBuffer: .init(string: "Yours")))
        }
        return Application(router: router)
    }

    @Test func aCacheableResponseThatSetsACookieIsNeitherKeptNorShared() async throws {
        let cache = PageCache(capacity: 1_048_576, clock: .fixed(Date(timeIntervalSince1970: 1_739_530_800))) {
            TimeZone(identifier: "UTC")!
        }
        try await Self.app(cache).test(.router) { client in
            // The same setup does keep a tagged response that sets no cookie: the test can see a hit.
            _ = try await client.execute(uri: "/shared", method: .get)
            _ = try await client.execute(uri: "/shared", method: .get)
            #expect(cache.hits == 1 && cache.entryCount == 1)

            let first = try await client.execute(uri: "/personal", method: .get)
            let second = try await client.execute(uri: "/personal", method: .get)
            for response in [first, second] {
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, no-cache")
                #expect(response.headers[.surrogateKey] == nil)
            }
            #expect(first.headers[.setCookie] != second.headers[.setCookie])
            #expect(cache.hits == 1 && cache.entryCount == 1)
        }
    }
}
