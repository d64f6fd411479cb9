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

/// The purge calls a CDN gets, received by a small server of the test's own.
@Suite struct CDNPurgeTests {
    struct Purge: Sendable {
        let header: String
        let authorization: String?
        let body: String
    }

    @Test func aChangeIsPurgedByTheKeysOfThePagesThatShowIt() async throws {
        let received = Mutex<[Purge]>([])
        let router = Router()
        router.post("/purge") { request, _ -> HTTPResponse.Status in
            var request = request
            let body = try await request.collectBody(upTo: 65_536)
            let purge = Purge(
                header: request.headers[HTTPField.Name("Surrogate-Key")!] ?? "",
                authorization: request.headers[.authorization], body: String(buffer: body))
            received.withLock { $0.append(purge) }
            return .ok
        }
        try await Application(router: router).test(.live) { cdn in
            let port = try #require(cdn.port)
            try await TestSite.run(
                config: {
                    var config = NewsroomClient.config($0)
                    config.cdnPurgeURL = "http://127.0.0.1:\(port)/purge"
                    config.cdnPurgeToken = "purge-token"
                    return config
                }, seed: PageCacheTests.seed
            ) { _, store in
                let key = CacheKey.article(try await Self.correctTheMainStory(store))
                for _ in 0..<250 where !received.withLock({ $0.contains { $0.header.contains(key) } }) {
                    try await Task.sleep(for: .milliseconds(20))
                }
                let purge = try #require(received.withLock { $0.first { $0.header.contains(key) } })
                #expect(purge.authorization == "Bearer purge-token")
                #expect(purge.body.contains("\"surrogate_keys\"") && purge.body.contains(key))
                #expect(!purge.header.split(separator: " ").contains("lists"), "an edit leaves the lists alone")
            }
        }
    }

    /// Adds a correction to the page cache tests' main story, a change a CDN must hear of; returns its id.
    static func correctTheMainStory(_ store: Store) async throws -> UUID {
        let now = TestSite.referenceNow
        let main = try #require(
            try await store.articles.visible(slug: Slug(String(PageCacheTests.article.dropFirst(10)))!, now: now))
        _ = try await store.articleActions.addCorrection(
            main.id, text: "A name was wrong.", by: try await PageCacheTests.editor(store), now: now)
        return main.id
    }
}
