import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// New comments reach open article pages as Server-Sent Events.
@Suite struct LiveCommentsTests {
    static let streamPath = ReferencePageTests.mainArticle + "/live-comments"

    /// Reads the article's live stream on a real socket: runs `connected` once the stream says it is,
    /// and answers everything received up to `text`, or until the stream is silent for `timeout`
    /// seconds. Generous, as it only bounds a failure: with the whole suite running on PostgreSQL,
    /// writing the two comments once took longer than the 3 seconds this used to allow.
    static func stream(
        port: Int, until text: String, timeout: Int = 15, connected: () async throws -> Void
    ) async throws -> String {
        var received = ""
        var called = false
        for try await chunk in RawHTTP.stream(
            host: "127.0.0.1", port: port,
            request: "GET \(streamPath) HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n", timeout: timeout)
        {
            received += chunk
            if !called, received.contains(": connected") {
                called = true
                try await connected()
            }
            if received.contains(text) { break }
        }
        return received
    }

    @Test func aNewlyPublishedCommentReachesAConnectedReader() async throws {
        try await TestSite.run(seed: TestSite.seedReference, setup: .live) { client, store in
            let port = try #require(client.port)
            let article = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let comment = MastheadCore.Comment(
                id: UUID(), articleID: article.id, displayName: "Ola <live>", body: "Just in: <b>news</b>",
                status: .published, createdAt: TestSite.referenceNow)
            let held = MastheadCore.Comment(
                id: UUID(), articleID: article.id, displayName: "Guest", body: "Not yet approved",
                status: .pending, createdAt: TestSite.referenceNow)
            let received = try await Self.stream(port: port, until: comment.id.uuidString.lowercased()) {
                try await store.commentActions.add(held)
                try await store.commentActions.add(comment)
            }
            #expect(received.hasPrefix("HTTP/1.1 200"))
            #expect(received.lowercased().contains("content-type: text/event-stream"))
            #expect(received.contains("event: comment"))
            #expect(received.contains("\"displayName\":\"Ola <live>\""))
            #expect(received.contains(#""bodyHTML":"<p>Just in: &lt;b&gt;news&lt;\/b&gt;<\/p>""#))
            #expect(!received.contains("Not yet approved"))
        }
    }

    @Test func aNodeRefusesStreamsPastItsLimitAndThePageStillWorks() async throws {
        try await TestSite.run(
            config: {
                var config = AppConfig(database: $0)
                config.liveStreamLimit = 0
                return config
            }, seed: TestSite.seedReference
        ) { client, _ in
            let refused = try await client.execute(uri: Self.streamPath, method: .get)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "60")
            #expect(try await client.execute(uri: ReferencePageTests.mainArticle, method: .get).status == .ok)
        }
    }

    @Test func aSlowReaderIsDroppedWhenTheirBufferFills() async throws {
        try await FreshDatabase.with { store in
            let live = LiveComments(store: store, limit: 10)
            let articleID = UUID()
            let events = try live.open(article: articleID, id: UUID(), client: "203.0.113.1")
            #expect(live.openCount == 1)
            for index in 0..<(LiveComments.bufferSize + 5) {
                live.publish(
                    MastheadCore.Comment(
                        id: UUID(), articleID: articleID, displayName: "R", body: "Comment \(index)",
                        status: .published,
                        createdAt: Date()))
            }
            var count = 0
            for await _ in events { count += 1 }
            // The greeting and the events that fitted, then the stream ended rather than grew.
            #expect(count == LiveComments.bufferSize)
            #expect(live.openCount == 0)
        }
    }
}
