import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

/// The write layer for stories on a real database: roles, the workflow, versions and revisions,
/// honest times, and the events each action records.
@Suite struct ArticleActionsTests {
    struct Desk {
        let store: Store
        let newsroom: Newsroom
        let editor: StaffAccount
        let author: StaffAccount
        let contributor: StaffAccount
        let moderator: StaffAccount
        var now: Date { newsroom.now }

        static func make(_ store: Store) async throws -> Desk {
            let newsroom = Newsroom(store: store)
            try await newsroom.setUp()
            let accounts = store.accountActions(passwordCost: 4)
            func account(_ role: Role) async throws -> StaffAccount {
                try await accounts.create(
                    email: "\(role.rawValue)@example.com", name: role.label, role: role,
                    password: "correct horse battery", by: nil, now: newsroom.now)
            }
            var author = try await account(.author)
            author.authorID = newsroom.author.id
            return Desk(
                store: store, newsroom: newsroom, editor: try await account(.editor), author: author,
                contributor: try await account(.contributor), moderator: try await account(.moderator))
        }

        func content(_ slug: String = "talks", headline: String = "Talks begin") -> ArticleContent {
            ArticleContent(
                slug: Slug(slug)!, headline: headline, lede: "Officials met.", bodyMarkdown: "First paragraph.",
                primaryTopic: newsroom.topic, topics: [newsroom.topic], authors: [newsroom.author])
        }
    }

    @Test func aSaveKeepsARevisionAndAnOlderVersionIsRefusedWithWhoSavedIt() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let story = try await store.articleActions.create(desk.content(), by: desk.contributor, now: desk.now)
            #expect(story.status == .draft)
            #expect(story.version == 1)

            var edited = desk.content(headline: "Talks begin in Riyadh")
            let saved = try await store.articleActions.save(
                story.id, content: edited, basedOn: 1, by: desk.editor, now: desk.now.addingTimeInterval(60))
            #expect(saved.version == 2)
            #expect(saved.updatedAt == nil, "a plain save never sets Updated")

            edited.lede = "A stale edit."
            await #expect(throws: ActionError.self) {
                try await store.articleActions.save(
                    story.id, content: edited, basedOn: 1, by: desk.contributor, now: desk.now.addingTimeInterval(90))
            }
            do {
                _ = try await store.articleActions.save(
                    story.id, content: edited, basedOn: 1, by: desk.contributor, now: desk.now)
            } catch ActionError.conflict(let conflict) {
                #expect(conflict.current.savedByName == "Editor")
                #expect(conflict.current.version == 2)
                #expect(conflict.current.content.headline == "Talks begin in Riyadh")
            }
            #expect(try await store.articles.find(id: story.id)?.lede == "Officials met.")

            let revisions = try await store.revisions.all(ofArticle: story.id)
            #expect(revisions.map(\.version) == [2, 1])
            #expect(revisions[0].changedFields == ["headline"])

            let restored = try await store.articleActions.restore(
                story.id, revision: revisions[1].id, basedOn: 2, by: desk.editor, now: desk.now)
            #expect(restored.headline == "Talks begin")
            #expect(restored.version == 3)
            let events = try await store.events.all(about: story.id).map(\.name)
            #expect(Set(events) == [.articleCreated, .articleSaved, .articleRestored])
        }
    }

    @Test func rolesAreEnforcedAndARefusalChangesNothing() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let own = try await store.articleActions.create(desk.content(), by: desk.contributor, now: desk.now)
            let others = try await store.articleActions.create(
                desk.content("other", headline: "Other"), by: desk.editor, now: desk.now)

            await #expect(throws: ActionError.notAllowed("Your role does not write stories.")) {
                try await store.articleActions.create(desk.content("mod"), by: desk.moderator, now: desk.now)
            }
            await #expect(throws: ActionError.self) {
                try await store.articleActions.move(own.id, .publish, by: desk.contributor, now: desk.now)
            }
            await #expect(throws: ActionError.self) {
                try await store.articleActions.save(
                    others.id, content: desk.content("other", headline: "Hijacked"), basedOn: 1, by: desk.contributor,
                    now: desk.now)
            }
            #expect(try await store.articles.find(id: own.id)?.status == .draft)
            #expect(try await store.articles.find(id: others.id)?.headline == "Other")

            // The author is in the byline of both stories, so both count as their own.
            let submitted = try await store.articleActions.move(
                own.id, .submitForReview, by: desk.contributor, now: desk.now)
            #expect(submitted.status == .inReview)
            let published = try await store.articleActions.move(own.id, .publish, by: desk.author, now: desk.now)
            #expect(published.status == .published)
            #expect(published.publishedAt == desk.now)
            await #expect(throws: ActionError.self) {
                try await store.articleActions.markUpdated(own.id, note: nil, by: desk.author, now: desk.now)
            }
            #expect(try await store.articles.find(id: own.id)?.status == .published)
        }
    }

    @Test func liveStoriesChangeOnlyByThoseWhoMayPublishThem() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let story = try await store.articleActions.create(desk.content(), by: desk.contributor, now: desk.now)
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            await #expect(throws: ActionError.self) {
                try await store.articleActions.save(
                    story.id, content: desk.content(headline: "Rewritten"), basedOn: 1, by: desk.contributor,
                    now: desk.now)
            }
            await #expect(throws: ActionError.self) {
                try await store.articleActions.setEmbargo(
                    story.id, until: desk.now.addingTimeInterval(600), by: desk.author, now: desk.now)
            }
            let unchanged = try #require(try await store.articles.find(id: story.id))
            #expect(unchanged.headline == "Talks begin")
            #expect(unchanged.embargoUntil == nil)
            let byAuthor = try await store.articleActions.save(
                story.id, content: desk.content(headline: "Talks begin, officials say"), basedOn: 1, by: desk.author,
                now: desk.now)
            #expect(byAuthor.version == 2)
        }
    }

    @Test func aScheduledStoryAppearsAtItsTimeAndTheSchedulerRecordsItOnce() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let story = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            let at = desk.now.addingTimeInterval(3_600)
            await #expect(throws: ActionError.self) {
                try await store.articleActions.move(
                    story.id, .schedule, scheduleAt: desk.now, by: desk.editor, now: desk.now)
            }
            let scheduled = try await store.articleActions.move(
                story.id, .schedule, scheduleAt: at, by: desk.editor, now: desk.now)
            #expect(scheduled.status == .scheduled)
            #expect(try await store.articles.visible(slug: story.slug, now: desk.now) == nil)
            #expect(try await store.articleActions.publishDue(now: desk.now).isEmpty)

            let later = at.addingTimeInterval(1)
            #expect(try await store.articles.visible(slug: story.slug, now: later) != nil)
            #expect(try await store.articleActions.publishDue(now: later) == [story.id])
            #expect(try await store.articleActions.publishDue(now: later).isEmpty)
            let published = try #require(try await store.articles.find(id: story.id))
            #expect(published.status == .published)
            #expect(published.publishedAt == at)
            #expect(try await store.events.all(about: story.id).first?.name == .articlePublished)
        }
    }

    @Test func anEmbargoHidesAStoryFromEveryReaderQueryUntilItLifts() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let story = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            let lifts = desk.now.addingTimeInterval(600)
            _ = try await store.articleActions.setEmbargo(story.id, until: lifts, by: desk.editor, now: desk.now)
            #expect(try await store.articles.visible(slug: story.slug, now: desk.now) == nil)
            #expect(try await store.articles.latest(now: desk.now, limit: 10).articles.isEmpty)
            #expect(
                try await store.articles.latest(inTopic: desk.newsroom.topic.id, now: desk.now, limit: 10).articles
                    .isEmpty)
            #expect(
                try await store.articles.latest(byAuthor: desk.newsroom.author.id, now: desk.now, limit: 10).articles
                    .isEmpty)
            #expect(try await store.articles.visible(slug: story.slug, now: lifts) != nil)
            #expect(try await store.articles.latest(now: lifts, limit: 10).articles.count == 1)
        }
    }

    @Test func updatedIsSetOnlyByAnEditorsUpdateOrCorrection() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let story = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            let saved = try await store.articleActions.save(
                story.id, content: desk.content(headline: "Typo fixed"), basedOn: 1, by: desk.editor,
                now: desk.now.addingTimeInterval(60))
            #expect(saved.updatedAt == nil)
            let updated = try await store.articleActions.markUpdated(
                story.id, note: "Adds the minister's reply.", by: desk.editor, now: desk.now.addingTimeInterval(120))
            #expect(updated.updatedAt == desk.now.addingTimeInterval(120))
            #expect(updated.updateNote == "Adds the minister's reply.")
            let corrected = try await store.articleActions.addCorrection(
                story.id, text: "An earlier version misspelled the envoy's name.", by: desk.editor,
                now: desk.now.addingTimeInterval(180))
            #expect(corrected.corrections.map(\.text) == ["An earlier version misspelled the envoy's name."])
            #expect(corrected.updatedAt == desk.now.addingTimeInterval(180))
            #expect(corrected.publishedAt == desk.now)
        }
    }

    /// The article page reads its story in two statements of its own; it must be the story the
    /// model path reads, every part of it.
    @Test func theReaderReadOfAStoryIsTheWholeStory() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let extra = Topic(id: UUID(), name: "Diplomacy", slug: Slug("diplomacy")!)
            try await store.topics.create(extra)
            var content = desk.content()
            content.topics = [desk.newsroom.topic, extra]
            content.authors = [desk.newsroom.coAuthor, desk.newsroom.author]
            content.dateline = "Riyadh"
            content.image = FeatureImage(
                file: "6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0.png", alt: "Alt", caption: "",
                credit: "Credit")
            let story = try await store.articleActions.create(content, by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            _ = try await store.articleActions.markUpdated(story.id, note: "Note.", by: desk.editor, now: desk.now)
            for minute in [3, 2] {
                _ = try await store.articleActions.addCorrection(
                    story.id, text: "Correction \(minute).", by: desk.editor,
                    now: desk.now.addingTimeInterval(TimeInterval(minute * 60)))
            }
            let later = desk.now.addingTimeInterval(600)
            let read = try #require(try await store.articles.visible(slug: content.slug, now: later))
            #expect(read == (try await store.articles.find(slug: content.slug)))
            #expect(read.authors.map(\.name) == ["Jan Nowak", "Anna Kowalska"])
            #expect(read.corrections.map(\.text) == ["Correction 2.", "Correction 3."])
            #expect(read.content.image?.credit == "Credit")

            let bare = try await store.articleActions.create(desk.content("bare"), by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(bare.id, .publish, by: desk.editor, now: desk.now)
            #expect(
                try await store.articles.visible(slug: Slug("bare")!, now: later)
                    == (try await store.articles.find(slug: Slug("bare")!)))
        }
    }

    @Test func aPublishedStorysChangedSlugRedirectsFromTheOldOne() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let story = try await store.articleActions.create(
                desk.content("old-address"), by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            _ = try await store.articleActions.save(
                story.id, content: desk.content("new-address"), basedOn: 1, by: desk.editor, now: desk.now)
            #expect(try await store.articles.redirect(from: Slug("old-address")!, now: desk.now) == Slug("new-address"))
            let taken = try await store.articleActions.create(desk.content("another"), by: desk.editor, now: desk.now)
            await #expect(throws: ActionError.self) {
                try await store.articleActions.save(
                    taken.id, content: desk.content("new-address"), basedOn: 1, by: desk.editor, now: desk.now)
            }
        }
    }

    @Test func theChangeFeedHearsEventsOnlyAfterTheyCommit() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let heard = Mutex<[DomainEvent.Name]>([])
            // Discovery's own event, recorded after each of these, is not what this test is about.
            store.changeFeed.subscribe { event in
                if event.name != .readNextChanged { heard.withLock { $0.append(event.name) } }
            }
            let story = try await store.articleActions.create(desk.content(), by: desk.editor, now: desk.now)
            _ = try? await store.articleActions.save(
                story.id, content: desk.content(), basedOn: 7, by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(story.id, .publish, by: desk.editor, now: desk.now)
            await store.changeFeed.settled()
            #expect(heard.withLock { $0 } == [.articleCreated, .articlePublished])
        }
    }
}
