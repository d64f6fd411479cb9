import Foundation
import HTTPTypes
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

/// A comment's answer waits for no listener that runs after it (issue 20): a listener that takes two
/// seconds per event has not finished when the 303 arrives, and still hears the comment afterwards.
@Suite struct SlowListenerTests {
    @Test func aCommentIsAnsweredBeforeASlowListenerHasFinished() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let finished = Mutex<[DomainEvent.Name]>([])
            store.changeFeed.subscribe { event in
                guard event.name == .commentPublished else { return }
                try? await Task.sleep(for: .seconds(2))
                finished.withLock { $0.append(event.name) }
            }
            let browser = try await TestReaders.signedIn(client, store)
            let posted = try await CommentPostingTests.post(client, as: browser, body: "Quick, please.")
            #expect(posted.status == .seeOther)
            #expect(finished.withLock { $0 }.isEmpty, "the answer waited for the slow listener")
            #expect(try await CommentPostingTests.storedComments(store).count == 1)
            await store.changeFeed.settled()
            #expect(finished.withLock { $0 } == [.commentPublished])
        }
    }
}
