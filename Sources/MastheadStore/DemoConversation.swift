import Foundation
import MastheadCore

/// A short conversation for the demo site, on the tariffs story: three regular readers, a thread with
/// replies, a Like, an editor's pick, and a guest's comment waiting in the moderation queue. The
/// reference story keeps its empty conversation ("Leave the first comment"). Everything goes through
/// the write layer, as a real conversation would.
public struct DemoConversation: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let storySlug = Slug("trump-orders-plan-for-reciprocal-tariffs")!

    public func load(now: Date) async throws {
        guard let article = try await store.articles.find(slug: Self.storySlug) else { return }
        var readers: [Commenter] = []
        for (name, email) in [
            ("Marta from Gdańsk", "marta@demo.invalid"), ("Tom Reyes", "tom@demo.invalid"),
            ("Priya N.", "priya@demo.invalid"),
        ] {
            if let existing = try await store.commenters.find(email: email) {
                readers.append(existing)
                continue
            }
            // Demo readers cannot sign in: their password is thrown away.
            readers.append(
                try await store.commenterAccountActions(passwordCost: 4).createVerified(
                    displayName: name, email: email, password: UUID().uuidString, approvedCount: 5,
                    now: now.addingTimeInterval(-86_400)))
        }
        // The default rules, not the site's saved ones: demo content is decided here, and a site with
        // guests off or comments closed must still get the whole demo rather than half of it.
        let settings = SiteSettings.defaults
        func post(_ body: String, by reader: Commenter, replyingTo parent: Comment? = nil, minutesAgo: Double)
            async throws -> Comment?
        {
            let fresh = try await store.commenters.find(reader.id)
            let outcome = try await store.commentActions.post(
                CommentActions.NewComment(
                    article: ConversationTarget(article), parentID: parent?.id, commenter: fresh,
                    displayName: reader.displayName,
                    body: body, addressHash: "demo-\(reader.id)"),
                settings: settings, now: now.addingTimeInterval(-minutesAgo * 60))
            if case .published(let comment) = outcome { return comment }
            return nil
        }
        let first = try await post(
            "Reciprocal tariffs sound fair until you remember who pays them: importers, and then us at the till.",
            by: readers[0], minutesAgo: 30)
        let reply = try await post(
            "Not always. If the other side lowers its own tariffs to avoid them, nobody pays anything.",
            by: readers[1], replyingTo: first, minutesAgo: 26)
        _ = try await post(
            "That is the theory. The 2018 steel tariffs did not go that way: https://en.wikipedia.org/wiki/Trump_tariffs",
            by: readers[0], replyingTo: reply, minutesAgo: 22)
        _ = try await post(
            "What I would like to know is which goods India actually taxes more than the U.S. does.\n\n"
                + "A table in the story would help.", by: readers[2], minutesAgo: 15)
        if let first {
            try await store.commentActions.toggleLike(first.id, by: readers[1], now: now)
            try await store.commentActions.toggleLike(first.id, by: readers[2], now: now)
            let desk = StaffAccount(
                id: UUID(), email: "desk@demo.invalid", name: "Demo desk", role: .moderator, authorID: nil)
            _ = try await store.moderationActions.decide(
                .feature, on: [first.id], note: "A clear, fair point.", by: desk, now: now)
        }
        _ = try await store.commentActions.post(
            CommentActions.NewComment(
                article: ConversationTarget(article), parentID: nil, commenter: nil, displayName: "A passing guest",
                body: "First time here. Does anyone read these?", addressHash: "demo-guest"),
            settings: settings, now: now.addingTimeInterval(-5 * 60))
    }
}
