import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Live comments show a comment from what its event carries, without reading it back (issue 20), and
/// read it only when the event came from another node without it (its notification was too long), or
/// waited long enough in a queue for the comment to have been rejected or deleted since.
@Suite struct LiveCommentsPayloadTests {
    /// What one open stream received once the change feed has settled, greeting aside.
    static func received(
        _ store: Store, on articleID: UUID, after send: (LiveComments) async throws -> Void
    ) async throws -> [String] {
        let live = LiveComments(store: store, limit: 10)
        let id = UUID()
        let stream = try live.open(article: articleID, id: id, client: "203.0.113.1")
        try await send(live)
        await store.changeFeed.settled()
        live.close(id)
        var received: [String] = []
        for await event in stream where event.hasPrefix("id:") { received.append(event) }
        return received
    }

    @Test func aCommentIsShownFromItsEventWithoutBeingRead() async throws {
        try await FreshDatabase.with { store in
            // Never stored: only the event can show it.
            let comment = MastheadCore.Comment(
                id: UUID(), articleID: UUID(), displayName: "Ola", body: "From the event", status: .published,
                createdAt: TestSite.referenceNow)
            let received = try await Self.received(store, on: comment.articleID) { _ in
                await store.changeFeed.publishFromOtherNode([
                    DomainEvent.about(comment, .commentPublished, actorID: nil, occurredAt: Date())
                ])
            }
            #expect(received.count == 1)
            #expect(received.first?.contains("<p>From the event<\\/p>") == true, "\(received)")
        }
    }

    @Test func anEventThatCouldNotCarryItsCommentHasTheCommentRead() async throws {
        try await FreshDatabase.with { store in
            try await TestSite.seedReference(store)
            let article = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let comment = MastheadCore.Comment(
                id: UUID(), articleID: article.id, displayName: "Ola", body: "From the database", status: .published,
                createdAt: TestSite.referenceNow)
            try await store.commentActions.add(comment)
            let received = try await Self.received(store, on: article.id) { _ in
                var event = DomainEvent.about(comment, .commentPublished, actorID: nil, occurredAt: comment.createdAt)
                event.comment = nil
                await store.changeFeed.publishFromOtherNode([event])
            }
            #expect(received.count == 1)
            #expect(received.first?.contains("<p>From the database<\\/p>") == true, "\(received)")
        }
    }

    /// A comment published, then rejected by a moderator before a queue far behind reached its event:
    /// the event still carries it, but it is no longer shown.
    @Test func aCommentRejectedBeforeItsLateEventIsHeardIsNotShown() async throws {
        try await FreshDatabase.with { store in
            try await TestSite.seedReference(store)
            let article = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            let published = MastheadCore.Comment(
                id: UUID(), articleID: article.id, displayName: "Ola", body: "Rejected since", status: .published,
                createdAt: TestSite.referenceNow)
            var rejected = published
            rejected.status = .rejected
            try await store.commentActions.add(rejected)
            let received = try await Self.received(store, on: article.id) { _ in
                await store.changeFeed.publishFromOtherNode([
                    DomainEvent.about(
                        published, .commentPublished, actorID: nil, occurredAt: Date().addingTimeInterval(-60))
                ])
            }
            #expect(received.isEmpty, "\(received)")
        }
    }
}
