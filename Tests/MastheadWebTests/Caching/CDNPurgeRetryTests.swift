import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadWeb

/// A purge the CDN does not take is sent again for the same change (issue 20): the purge reads the
/// events table from a position of its own, which moves only once the CDN has answered 2xx.
@Suite struct CDNPurgeRetryTests {
    @Test func aRefusedPurgeIsSentAgainUntilTheCDNTakesIt() async throws {
        let received = Mutex<[String]>([])
        let router = Router()
        router.post("/purge") { request, _ -> HTTPResponse.Status in
            let calls = received.withLock { calls in
                calls.append(request.headers[HTTPField.Name("Surrogate-Key")!] ?? "")
                return calls.count
            }
            return calls == 1 ? .serviceUnavailable : .ok
        }
        try await Application(router: router).test(.live) { cdn in
            let port = try #require(cdn.port)
            try await TestSite.run(
                config: {
                    var config = NewsroomClient.config($0)
                    config.cdnPurgeURL = "http://127.0.0.1:\(port)/purge"
                    return config
                }, seed: PageCacheTests.seed
            ) { _, store in
                let key = CacheKey.article(try await CDNPurgeTests.correctTheMainStory(store))
                let purges = { received.withLock { $0.filter { $0.contains(key) }.count } }
                for _ in 0..<1_000 where purges() < 2 { try await Task.sleep(for: .milliseconds(20)) }
                #expect(purges() == 2, "the refused purge was not sent again: \(received.withLock { $0 })")
            }
        }
    }
}
