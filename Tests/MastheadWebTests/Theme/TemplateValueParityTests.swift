import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The article page's context, encoded, gives exactly what reading the struct by reflection gives (its
/// stored properties, under their own names), with every optional part filled and with none: no
/// coding key leaves a field out or renames it by mistake.
@Suite struct TemplateValueParityTests {
    typealias Posting = CommentPostingTests

    static func site(_ store: Store) async throws -> Site {
        let clock = NewsClock.fixed(TestSite.referenceNow)
        return Site(
            snapshot: SettingsSnapshot(stored: try await store.siteSettings.load()) {
                NewsroomClient.config(.sqlite(path: "unused")).siteSettings(stored: $0)
            },
            theme: try await Theme.load(directory: Theme.defaultDirectory), store: store, clock: clock,
            readers: ReaderSessions(store: store, clock: clock) { false }, addressHasher: AddressHasher(),
            readerThrottle: SignInThrottle(), live: LiveComments(store: store, limit: 1),
            targets: ConversationTargets(store: store), clientAddressHeader: nil, makeToken: { "token" },
            passwordCost: 4, media: MediaLibrary(directory: NSTemporaryDirectory()))
    }

    @Test func theArticlePageEncodesWhatReflectionReads() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            let slug = try #require(Slug("us-envoy-says-ukraine-nato-membership-still-possible"))
            let bare = try #require(try await store.articles.find(slug: slug))
            let renderer = ArticlePageRenderer(site: try await Self.site(store))
            let anonymous = CommentFormContext(article: slug, csrfToken: nil)
            let plain = try await renderer.page(bare, form: anonymous, reader: nil).0
            #expect(TemplateEncoder.encode(plain) == TemplateValue.reflecting(plain))

            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            _ = try await admin.post(NewsroomRoute.articleCorrections(bare.id).path, [("text", "A correction.")])
            _ = try await admin.upload(
                NewsroomRoute.articleImage(bare.id).path, file: FeatureImageTests.png, fileName: "a.png",
                fields: [("alt", "A picture"), ("caption", "Caption."), ("credit", "Credit"), ("version", "1")])
            let ala = try await TestReaders.signedIn(client, store, name: "Ala", email: "ala@example.com")
            let bob = try await TestReaders.signedIn(client, store, name: "Bob", email: "bob@example.com")
            let newcomer = try await TestReaders.signedIn(
                client, store, name: "New", email: "new@example.com", approved: 0)
            let first = try ConversationPageTests.id(try await Posting.post(client, as: ala, body: "First view."))
            var parent = first
            for level in 1...3 {
                parent = try ConversationPageTests.id(
                    try await Posting.post(
                        client, as: level % 2 == 0 ? ala : bob, body: "Reply \(level).", parent: parent))
            }
            _ = try await Posting.post(client, as: newcomer, body: "Held for a moderator.")
            _ = try await client.execute(
                uri: "/articles/\(slug)/comments/\(first.uuidString.lowercased())/like", method: .post,
                headers: bob.headers, body: ByteBuffer(string: formBody([("csrf_token", bob.token)])))

            let article = try #require(try await store.articles.find(slug: slug))
            #expect(article.content.image != nil && !article.corrections.isEmpty)
            let problems = CommentFormContext(
                article: slug, csrfToken: "token", displayName: "New", body: "Typed", parentID: first,
                problems: ["Too short."], asGuest: false)
            for (reader, form) in [(nil, anonymous), (bob.reader, problems), (newcomer.reader, problems)] {
                let page = try await renderer.page(
                    article, form: form, reader: reader, view: .init(notice: "Your comment is waiting.")
                ).0
                #expect(!page.conversation.threads.isEmpty)
                #expect(TemplateEncoder.encode(page) == TemplateValue.reflecting(page))
            }
        }
    }
}
