import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// Every write action enforces its own rule, with no controller in front of it: called directly by an
/// account whose role may not, it refuses with ``StaffPolicy``'s sentence, and by one whose role may,
/// the rule lets it through. A post to a conversation is held to ``ConversationPolicy`` the same way.
@Suite struct StaffPolicyEnforcementTests {
    /// Calls `action` as `account` and checks the answer against the policy's for `decision`.
    static func expectEnforced(
        _ decision: StaffPolicy.Decision, by account: StaffAccount, _ action: () async throws -> Void
    ) async {
        let refusal = account.policy.refusal(decision)
        do {
            try await action()
            #expect(refusal == nil, "\(account.role) \(decision): done, though the policy refuses it")
        } catch ActionError.notAllowed(let message) {
            #expect(message == refusal?.description, "\(account.role) \(decision): refused as “\(message)”")
        } catch {
            // Anything else (not found, invalid) means the rule let the account through.
            #expect(refusal == nil, "\(account.role) \(decision): \(error)")
        }
    }

    @Test func everyActionRefusesWhatItsRoleMayNotDo() async throws {
        try await FreshDatabase.with { store in
            let desk = try await ArticleActionsTests.Desk.make(store)
            let now = desk.now
            var seen: Set<StaffPolicy.Decision> = []
            let admin = try await store.accountActions(passwordCost: 4).create(
                email: "admin@example.com", name: "Admin", role: .admin, password: "correct horse battery", by: nil,
                now: now)
            // Someone else's draft: no acting account created it or is in its byline.
            let others = try await store.articleActions.create(
                desk.content("others", headline: "Someone else's"), by: desk.editor, now: now)
            for role in Role.allCases {
                let account = try await store.accountActions(passwordCost: 4).create(
                    email: "acting-\(role.rawValue)@example.com", name: "Acting \(role.label)", role: role,
                    password: "correct horse battery", by: admin, now: now)
                func enforced(_ decision: StaffPolicy.Decision, _ action: () async throws -> Void) async {
                    seen.insert(decision)
                    await Self.expectEnforced(decision, by: account, action)
                }
                let articles = store.articleActions
                await enforced(.createArticle) {
                    _ = try await articles.create(desk.content("new-\(role)"), by: account, now: now)
                }
                await enforced(.openArticle(own: false)) {
                    let current = try #require(try await store.articles.find(id: others.id))
                    _ = try await articles.save(
                        others.id, content: current.content, basedOn: current.version, by: account, now: now)
                }
                await enforced(.markUpdated) {
                    _ = try await articles.markUpdated(others.id, note: nil, by: account, now: now)
                }
                await enforced(.addCorrection) {
                    _ = try await articles.addCorrection(others.id, text: "A fix.", by: account, now: now)
                }
                await enforced(.setConversation) {
                    _ = try await articles.setConversation(
                        others.id, ConversationSettings(mode: .open), by: account, now: now)
                }
                if account.policy.allows(.createArticle) {
                    // Its own story, published by an editor: what readers see changes only by those who
                    // may publish it, and a published story is embargoed only by an editor.
                    let own = try await articles.create(desk.content("own-\(role)"), by: account, now: now)
                    let live = try await articles.move(own.id, .publish, by: desk.editor, now: now)
                    await enforced(.editLiveArticle) {
                        _ = try await articles.save(
                            live.id, content: live.content, basedOn: live.version, by: account, now: now)
                    }
                    if account.policy.allows(.editLiveArticle) {
                        await enforced(.embargoPublishedArticle) {
                            _ = try await articles.setEmbargo(live.id, until: now, by: account, now: now)
                        }
                    }
                }
                let site = store.siteActions
                await enforced(.tagArticles) { _ = try await site.topic(named: "Tag \(role)", by: account, now: now) }
                await enforced(.renameTopic) {
                    try await site.renameTopic(desk.newsroom.topic.id, to: "Tariffs \(role)", by: account, now: now)
                }
                await enforced(.mergeTopic) { try await site.mergeTopic(UUID(), into: UUID(), by: account, now: now) }
                await enforced(.addAuthor) {
                    _ = try await site.createAuthor(name: "Writer \(role)", bio: "", slug: nil, by: account, now: now)
                }
                await enforced(.editAuthorProfile(own: false)) {
                    try await site.updateAuthor(desk.newsroom.coAuthor, by: account, now: now)
                }
                await enforced(.changeSettings) { try await site.changeSettings(.defaults, by: account, now: now) }
                await enforced(.correctEntities) {
                    try await store.entityActions.ruleOut(UUID(), by: account, now: now)
                }
                let accounts = store.accountActions(passwordCost: 4)
                await enforced(.createAccount) {
                    _ = try await accounts.create(
                        email: "made-by-\(role.rawValue)@example.com", name: "Made", role: .author,
                        password: "correct horse battery", by: account, now: now)
                }
                await enforced(.changeRole) {
                    try await accounts.setRole(.author, ofAccount: UUID(), by: account, now: now)
                }
                await enforced(.removeAccount) { try await accounts.remove(accountID: UUID(), by: account, now: now) }
                await enforced(.createAPIKey) {
                    _ = try await store.apiKeys.create(name: "Key \(role)", role: .editor, by: account, now: now)
                }
                await enforced(.revokeAPIKey) { try await store.apiKeys.revoke(UUID(), by: account, now: now) }
                await enforced(.addWebhook) {
                    _ = try await store.webhooks.add(
                        url: "https://hooks.example.com/\(role)", events: [.articlePublished], by: account, now: now)
                }
                await enforced(.removeWebhook) { try await store.webhooks.remove(UUID(), by: account, now: now) }
                await enforced(.moderateComments) {
                    _ = try await store.commentActions.moderate(UUID(), to: .published, by: account, now: now)
                }
                await enforced(.moderateComments) {
                    _ = try await store.moderationActions.decide(
                        .approve, on: [UUID()], note: "", by: account, now: now)
                }
            }
            // Every decision an action makes was tried (a page's own are the newsroom's: ``StaffPolicy/Area``).
            let actionDecisions = StaffPolicy.Decision.all.filter {
                if case .openArea = $0 { return false }
                return $0 != .openArticle(own: true) && $0 != .editAuthorProfile(own: true)
            }
            #expect(seen == Set(actionDecisions))
        }
    }

    /// The post action asks ``ConversationPolicy`` itself: a closed conversation, an unconfirmed
    /// address and a guest where guests may not post are refused with nothing stored.
    @Test func thePostActionRefusesWhatTheConversationPolicyRefuses() async throws {
        try await FreshDatabase.with { store in
            let open = try await Conversation.make(store)
            let closed = try await Conversation.make(store, conversation: ConversationSettings(mode: .closed), slug: 2)
            let unconfirmed = Commenter(
                id: UUID(), email: "new@example.com", displayName: "New", createdAt: open.now)
            var guestsOff = SiteSettings.defaults
            guestsOff.comments.allowGuests = false
            let cases: [(Conversation, Commenter?, SiteSettings, ConversationPolicy.Refusal)] = [
                (closed, nil, .defaults, .closed),
                (open, unconfirmed, .defaults, .unconfirmed(email: "new@example.com")),
                (open, nil, guestsOff, .guestsOff),
            ]
            for (talk, commenter, settings, refusal) in cases {
                await #expect(throws: ActionError.notAllowed(refusal.description)) {
                    _ = try await store.commentActions.post(
                        CommentActions.NewComment(
                            article: ConversationTarget(talk.article), parentID: nil, commenter: commenter,
                            displayName: "Guest", body: "Hello there.", addressHash: "hash-a"),
                        settings: settings, now: talk.now)
                }
            }
            #expect(try await store.comments.all(onArticle: open.article.id).isEmpty)
            #expect(try await store.comments.all(onArticle: closed.article.id).isEmpty)
            // The same guest, where guests may post, is stored (held for a moderator, as a guest's first is).
            try await open.post("Hello there.", by: nil)
            #expect(try await store.comments.all(onArticle: open.article.id).count == 1)
        }
    }
}
