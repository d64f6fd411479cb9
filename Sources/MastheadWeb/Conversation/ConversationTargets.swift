import Foundation
import MastheadCore
import MastheadStore
import Synchronization

/// The stories comments are being posted to, kept for a few seconds, so a busy conversation does not
/// read its story for every comment. An entry goes at once when the story changes on any node (the
/// change feed), and after `lifetime` whatever happens, which bounds how long a change this node
/// could not hear of (its notifications cut off) can go unseen. Only visible stories are kept: one that
/// is not visible yet is read again each time, so it opens to comments the moment it is published.
final class ConversationTargets: Sendable {
    static let lifetime: TimeInterval = 5
    /// Bounds the memory a flood of different slugs could take.
    static let capacity = 1_000

    private let entries = Mutex<[Slug: (target: ConversationTarget, until: Date)]>([:])
    private let store: Store

    init(store: Store) {
        self.store = store
        store.changeFeed.follow { [self] event in
            guard event.name.isAboutAnArticle else { return }
            entries.withLock { $0.removeAll() }
        }
    }

    func target(_ slug: Slug, now: Date) async throws -> ConversationTarget? {
        if let entry = entries.withLock({ $0[slug] }), entry.until > now { return entry.target }
        guard let target = try await store.articles.conversationTarget(slug: slug, now: now) else { return nil }
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[slug] = (target, now.addingTimeInterval(Self.lifetime))
        }
        return target
    }
}
