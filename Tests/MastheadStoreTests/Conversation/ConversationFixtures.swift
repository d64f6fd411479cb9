import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting

/// A story, readers and a poster for conversation tests in the store.
struct Conversation {
    let store: Store
    let newsroom: Newsroom
    let article: Article

    /// A story (`story-<slug>`) on a fresh newsroom, or another story when the newsroom is set up already.
    static func make(
        _ store: Store, conversation: ConversationSettings = ConversationSettings(mode: .open), slug: Int = 1
    ) async throws -> Conversation {
        let newsroom = Newsroom(store: store)
        if slug == 1 { try await newsroom.setUp() }
        var article = try await newsroom.article(slug, authors: slug == 1 ? nil : [])
        article.conversation = conversation
        return Conversation(store: store, newsroom: newsroom, article: article)
    }

    var now: Date { newsroom.now }

    func reader(_ name: String = "Ola", approved: Int = 5) async throws -> Commenter {
        try await store.commenterAccountActions(passwordCost: 4).createVerified(
            displayName: name, email: "\(name.lowercased())@example.com", password: TestReaders.password,
            approvedCount: approved, now: now)
    }

    /// Posts as `commenter` (a guest when nil) from `address`, `secondsLater` after the fixture's now.
    @discardableResult
    func post(
        _ body: String, by commenter: Commenter?, parent: UUID? = nil, address: String = "hash-a",
        policy: ModerationPolicy = .defaults, secondsLater: TimeInterval = 0
    ) async throws -> CommentActions.Outcome {
        // The reader as the database has them now (counts move as comments are judged).
        let fresh = try await commenter.asyncMap { try await store.commenters.find($0.id) } ?? nil
        return try await store.commentActions.post(
            CommentActions.NewComment(
                article: ConversationTarget(article), parentID: parent, commenter: fresh,
                displayName: commenter?.displayName ?? "Guest",
                body: body, addressHash: address),
            settings: Self.settings(policy), now: now.addingTimeInterval(secondsLater))
    }

    /// The default site's settings with `policy` as its moderation rules.
    static func settings(_ policy: ModerationPolicy) -> SiteSettings {
        var settings = SiteSettings.defaults
        settings.comments.policy = policy
        return settings
    }

    func moderator() async throws -> StaffAccount {
        try await store.accountActions(passwordCost: 4).create(
            email: "mod@example.com", name: "Maria Moderator", role: .moderator, password: "a long moderator password",
            by: nil, now: now)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension CommentActions.Outcome {
    var comment: MastheadCore.Comment? {
        switch self {
        case .published(let comment), .held(let comment), .rejected(let comment): comment
        case .rateLimited, .banned: nil
        }
    }
}
