import Foundation
import HTTPTypes
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadWeb

/// A comment's answer and a publish's redirect wait for no listener that runs after them (issue 20),
/// of any kind: one that takes two seconds per change has not finished when the answer arrives, and
/// still hears the change afterwards.
@Suite struct SlowListenerTests {
    /// The kinds of listener that run after the answer.
    enum Kind: String, CaseIterable, Sendable {
        /// This node's changes, from memory (``ChangeFeed/subscribe(name:limit:_:)``: metrics).
        case subscriber
        /// Every node's changes, from memory (``ChangeFeed/followAfter(name:limit:_:)``: live comments).
        case everyNode
        /// Every node's changes, from the events table (``EventFollower``: discovery, the CDN purge).
        case eventsTable
    }

    /// What a slow listener has finished.
    final class Finished: Sendable {
        let names = Mutex<[DomainEvent.Name]>([])
        var all: [DomainEvent.Name] { names.withLock { $0 } }
    }

    /// Adds a listener of `kind` that takes two seconds over each `name` event, and answers what it
    /// has finished.
    static func slowListener(_ kind: Kind, hearing name: DomainEvent.Name, on store: Store) async throws -> Finished {
        let finished = Finished()
        @Sendable func slowly(_ events: [DomainEvent]) async {
            for event in events where event.name == name {
                try? await Task.sleep(for: .seconds(2))
                finished.names.withLock { $0.append(event.name) }
            }
        }
        switch kind {
        case .subscriber: store.changeFeed.subscribe { await slowly([$0]) }
        case .everyNode: store.changeFeed.followAfter { await slowly([$0]) }
        case .eventsTable:
            let follower = EventFollower(name: "slow", store: store, startsAtNewest: true, logger: testLogger) {
                await slowly($0)
            }
            try await follower.register()
            store.changeFeed.keep(follower)
            store.changeFeed.startFollowers()
        }
        return finished
    }

    @Test(arguments: Kind.allCases)
    func aCommentIsAnsweredBeforeASlowListenerHasFinished(_ kind: Kind) async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let finished = try await Self.slowListener(kind, hearing: .commentPublished, on: store)
            let browser = try await TestReaders.signedIn(client, store)
            let posted = try await CommentPostingTests.post(client, as: browser, body: "Quick, please.")
            #expect(posted.status == .seeOther)
            #expect(finished.all.isEmpty, "the answer waited for the slow listener")
            #expect(try await CommentPostingTests.storedComments(store).count == 1)
            await store.changeFeed.settled()
            #expect(finished.all == [.commentPublished])
        }
    }

    @Test(arguments: Kind.allCases)
    func aPublishIsAnsweredBeforeASlowListenerHasFinished(_ kind: Kind) async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let created = try await editor.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Ceasefire talks"))
            let id = try NewsroomClient.storyID(created)
            await store.changeFeed.settled()
            let finished = try await Self.slowListener(kind, hearing: .articlePublished, on: store)
            let published = try await editor.post(NewsroomRoute.articleMove(id).path, [("move", "publish")])
            #expect(published.status == .seeOther)
            #expect(finished.all.isEmpty, "the redirect waited for the slow listener")
            #expect(try await client.execute(uri: "/articles/ceasefire-talks", method: .get).status == .ok)
            await store.changeFeed.settled()
            #expect(finished.all == [.articlePublished])
        }
    }
}
