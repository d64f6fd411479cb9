import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

/// The change feed's listeners that run after the answer (issue 20): the write layer returns without
/// waiting for them, one slow listener holds up no other, and each hears a subject's events in the
/// order they were recorded.
@Suite struct ChangeFeedQueueTests {
    @Test func aPublishReturnsBeforeASlowListenerHasFinished() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            let story = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            let finished = Mutex(false)
            store.changeFeed.subscribe { event in
                guard event.name == .articlePublished else { return }
                try? await Task.sleep(for: .seconds(2))
                finished.withLock { $0 = true }
            }
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            #expect(!finished.withLock { $0 }, "the publish waited for the slow listener")
            await store.changeFeed.settled()
            #expect(finished.withLock { $0 })
        }
    }

    @Test func aSlowListenerHoldsUpNoOther() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            let slowDone = Mutex(false)
            let quickHeard = Mutex<[DomainEvent.Name]>([])
            store.changeFeed.subscribe { event in
                guard event.name == .articleCreated else { return }
                try? await Task.sleep(for: .seconds(2))
                slowDone.withLock { $0 = true }
            }
            store.changeFeed.followAfter { event in
                if event.name == .articleCreated { quickHeard.withLock { $0.append(event.name) } }
            }
            _ = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            for _ in 0..<1_000 where quickHeard.withLock({ $0 }).isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            #expect(quickHeard.withLock { $0 } == [.articleCreated], "the quick listener never heard the change")
            #expect(!slowDone.withLock { $0 }, "the quick listener waited for the slow one")
            await store.changeFeed.settled()
            #expect(slowDone.withLock { $0 })
        }
    }

    /// Stories changed at once from several tasks: each story's events reach a listener that takes its
    /// time in the order its story went through them.
    @Test func eachSubjectsEventsArriveInOrder() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            let heard = Mutex<[UUID: [DomainEvent.Name]]>([:])
            store.changeFeed.subscribe { event in
                guard event.name.isAboutAnArticle, event.name != .readNextChanged, let id = event.subjectID else {
                    return
                }
                try? await Task.sleep(for: .milliseconds(Int.random(in: 0...20)))
                heard.withLock { $0[id, default: []].append(event.name) }
            }
            let (editor, now) = (desk.editor, desk.now)
            let stories = try await withThrowingTaskGroup(of: UUID.self) { group in
                for number in 1...4 {
                    let content = desk.content("talks-\(number)")
                    group.addTask {
                        let story = try await store.articleActions.create(content, by: editor, now: now)
                        _ = try await store.articleActions.move(story.id, .publish, by: editor, now: now)
                        _ = try await store.articleActions.move(story.id, .unpublish, by: editor, now: now)
                        return story.id
                    }
                }
                return try await group.reduce(into: [UUID]()) { $0.append($1) }
            }
            await store.changeFeed.settled()
            let all = heard.withLock { $0 }
            for story in stories {
                #expect(all[story] == [.articleCreated, .articlePublished, .articleUnpublished], "\(story)")
            }
        }
    }
}
