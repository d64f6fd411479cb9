import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// A comment published on one node reaches live pages on another from its notification, and one too
/// long for a notification (PostgreSQL takes under 8,000 bytes) is read there instead (issue 20).
/// PostgreSQL only, as SQLite sites have one node.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MASTHEAD_TEST_POSTGRES_URL"] != nil))
struct LiveCommentsRelayTests {
    @Test func aCommentTooLongForANotificationStillReachesALiveReaderOnTheOtherNode() async throws {
        try await MultiNodeTests.twoNodes(liveB: true) { _, b, storeA, _ in
            let port = try #require(b.port)
            let article = try #require(
                try await storeA.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let long = String(repeating: "A long comment, written on node A. ", count: 300)
            let comment = MastheadCore.Comment(
                id: UUID(), articleID: article.id, displayName: "Ola", body: long, status: .published,
                createdAt: TestSite.referenceNow)
            // The comment's last field, so that all of it has arrived.
            let received = try await LiveCommentsTests.stream(port: port, until: "\"isoTime\"") {
                try await storeA.commentActions.add(comment)
            }
            #expect(received.contains(comment.id.uuidString.lowercased()))
            #expect(received.contains(String(repeating: "A long comment, written on node A. ", count: 299)))
            #expect(received.utf8.count > 8_000)
        }
    }
}
