import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

/// The newsroom's lists against the rule of who may open a story: the SQL and the Swift forms agree.
@Suite struct ArticleListAccessTests {
    typealias Desk = ArticleActionsTests.Desk

    @Test func eachAccountsListHoldsExactlyTheStoriesItMayOpen() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            var colleague = try await store.accountActions(passwordCost: 4).create(
                email: "colleague@example.com", name: "Colleague", role: .author, password: "correct horse battery",
                by: nil, now: desk.now)
            colleague.authorID = desk.newsroom.coAuthor.id
            // Every writer starts a story with no byline, one under the author's and one under the
            // colleague's: own by creation, own by byline, and neither.
            var stories: [(article: Article, creator: UUID)] = []
            for writer in [desk.editor, desk.author, desk.contributor, colleague] {
                for (index, byline) in [[], [desk.newsroom.author], [desk.newsroom.coAuthor]].enumerated() {
                    let content = ArticleContent(
                        slug: Slug("by-\(writer.name.lowercased())-\(index)")!, headline: "\(writer.name) \(index)",
                        lede: "Lede.", bodyMarkdown: "Body.", authors: byline)
                    let story = try await store.articleActions.create(content, by: writer, now: desk.now)
                    stories.append((story, writer.id))
                }
            }
            _ = try await store.articleActions.move(stories[0].article.id, .publish, by: desk.editor, now: desk.now)
            _ = try await store.articleActions.move(stories[4].article.id, .publish, by: desk.author, now: desk.now)

            for viewer in [desk.editor, desk.author, desk.contributor, desk.moderator, colleague] {
                let listed = Set(try await store.articles.desk(DeskQuery(limit: 100, viewer: viewer)).map(\.id))
                let openable = Set(
                    stories.filter { viewer.policy.mayOpen($0.article, creator: $0.creator) }
                        .map(\.article.id))
                #expect(listed == openable, "\(viewer.name)")
                let drafts = try await store.articles.desk(DeskQuery(status: .draft, limit: 100, viewer: viewer))
                #expect(Set(drafts.map(\.id)) == openable.subtracting([stories[0].article.id, stories[4].article.id]))
            }
            let count = { (viewer: StaffAccount) in
                try await store.articles.desk(DeskQuery(limit: 100, viewer: viewer)).count
            }
            #expect(try await count(desk.editor) == 12)
            #expect(try await count(desk.contributor) == 3, "its own three, none of the others")
            #expect(try await count(desk.author) == 6, "its own three and three others under its byline")
            #expect(try await count(desk.moderator) == 0)
        }
    }

    @Test func aSlugMadeFromTheHeadlineGetsTheFirstFreeNumberAndAChosenOneConflicts() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            var slugs: [String] = []
            for _ in 0..<3 {
                let story = try await store.articleActions.create(
                    desk.content("talks-begin"), slug: .headline, by: desk.editor, now: desk.now)
                slugs.append(story.slug.value)
            }
            #expect(slugs == ["talks-begin", "talks-begin-2", "talks-begin-3"])
            await #expect(
                throws: ActionError.invalid(["Another story already uses the address “talks-begin-2”; choose another."])
            ) {
                try await store.articleActions.create(desk.content("talks-begin-2"), by: desk.editor, now: desk.now)
            }
            await #expect(throws: ActionError.notAllowed("Your role does not write stories.")) {
                try await store.articleActions.create(
                    desk.content("talks-begin"), slug: .headline, by: desk.moderator, now: desk.now)
            }
        }
    }

    @Test func storiesCreatedAtOnceWithOneHeadlineEachGetTheirOwnNumber() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let slugs = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await store.articleActions.create(
                            desk.content("markets-open", headline: "Markets open"), slug: .headline, by: desk.editor,
                            now: desk.now
                        ).slug.value
                    }
                }
                var slugs: [String] = []
                for try await slug in group { slugs.append(slug) }
                return slugs
            }
            #expect(Set(slugs) == Set(["markets-open"] + (2...6).map { "markets-open-\($0)" }))
        }
    }

    /// Every race a create loses means another story took the address, so a burst larger than any fixed
    /// number of retries still ends with each story stored under its own number (issue 19, review).
    @Test func sixteenStoriesCreatedAtOnceWithOneHeadlineAllSucceed() async throws {
        try await FreshDatabase.with { store in
            let desk = try await Desk.make(store)
            let slugs = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await store.articleActions.create(
                            desk.content("wire-flash", headline: "Wire flash"), slug: .headline, by: desk.editor,
                            now: desk.now
                        ).slug.value
                    }
                }
                var slugs: [String] = []
                for try await slug in group { slugs.append(slug) }
                return slugs
            }
            #expect(slugs.count == 16)
            #expect(Set(slugs) == Set(["wire-flash"] + (2...16).map { "wire-flash-\($0)" }))
        }
    }
}
