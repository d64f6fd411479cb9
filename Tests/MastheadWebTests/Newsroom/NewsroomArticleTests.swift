import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Writing and publishing through the newsroom's pages, as the newsroom does it.
@Suite struct NewsroomArticleTests {
    static let now = TestSite.referenceNow

    @Test func anEditorWritesPreviewsAndPublishesAStory() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let preview = try await editor.post(
                NewsroomRoute.newArticle.path,
                NewsroomClient.storyFields(
                    headline: "Ceasefire talks", body: "**Bold** <script>x()</script>", action: "preview"))
            #expect(preview.status == .ok)
            #expect(preview.text.contains("<strong>Bold</strong>"))
            #expect(!preview.text.contains("<script>x()"))
            #expect(try await store.articles.find(slug: Slug("ceasefire-talks")!) == nil, "a preview saves nothing")

            let created = try await editor.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Ceasefire talks"))
            #expect(created.status == .seeOther)
            let id = try NewsroomClient.storyID(created)
            let page = try await editor.get(NewsroomRoute.article(id).path)
            #expect(page.text.contains("value=\"ceasefire-talks\""))
            #expect(page.text.contains("Publish now"))

            let published = try await editor.post(NewsroomRoute.articleMove(id).path, [("move", "publish")])
            #expect(published.status == .seeOther)
            let reader = try await client.execute(uri: "/articles/ceasefire-talks", method: .get)
            #expect(reader.status == .ok)
            #expect(reader.text.contains("Ceasefire talks"))
        }
    }

    @Test func eachRolesWorkflowMovesAreEnforcedOnTheServer() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var contributor = NewsroomClient(client)
            try await contributor.signIn(as: .contributor)
            let created = try await contributor.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "A contributor's draft"))
            let id = try NewsroomClient.storyID(created)
            let publish = try await contributor.post(NewsroomRoute.articleMove(id).path, [("move", "publish")])
            #expect(publish.status == .forbidden)
            #expect(try await store.articles.find(id: id)?.status == .draft)
            let submitted = try await contributor.post(NewsroomRoute.articleMove(id).path, [("move", "submit")])
            #expect(submitted.status == .seeOther)
            #expect(try await store.articles.find(id: id)?.status == .inReview)

            var moderator = NewsroomClient(client)
            try await moderator.signIn(as: .moderator)
            let written = try await moderator.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "A moderator writes"))
            #expect(written.status == .forbidden)
            #expect(try await store.articles.find(slug: Slug("a-moderator-writes")!) == nil)
            #expect(try await moderator.get(NewsroomRoute.article(id).path).status == .forbidden)

            var author = NewsroomClient(client)
            try await author.signIn(as: .author)
            // The demo's stories carry the author's byline: she may publish them and withdraw them.
            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            #expect(try await author.get(NewsroomRoute.article(main.id).path).text.contains("Unpublish"))
            let unpublish = try await author.post(NewsroomRoute.articleMove(main.id).path, [("move", "unpublish")])
            #expect(unpublish.status == .seeOther)
            #expect(try await store.articles.find(id: main.id)?.status == .unpublished)
            #expect(
                try await author.post(NewsroomRoute.articleMove(main.id).path, [("move", "publish")]).status
                    == .seeOther)
            let otherDraft = try await author.post(NewsroomRoute.articleMove(id).path, [("move", "publish")])
            #expect(otherDraft.status == .forbidden, "the contributor's story is not the author's own")

            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let wrongStep = try await editor.post(NewsroomRoute.articleMove(main.id).path, [("move", "submit")])
            #expect(wrongStep.status == .conflict)
            #expect(
                try await editor.post(NewsroomRoute.articleMove(id).path, [("move", "publish")]).status == .seeOther)
            #expect(try await store.articles.find(id: id)?.status == .published)
        }
    }

    @Test func savingOverAColleaguesNewerVersionIsRefusedWithBothVersionsShown() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            var admin = NewsroomClient(client)
            try await admin.signIn(as: .admin)
            let created = try await editor.post(
                NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Budget vote", body: "Line one."))
            let id = try NewsroomClient.storyID(created)

            let first = try await admin.post(
                NewsroomRoute.article(id).path,
                NewsroomClient.storyFields(
                    headline: "Budget vote", body: "Line one.\nAdmin's line.", slug: "budget-vote", version: 1))
            #expect(first.status == .seeOther)
            let stale = try await editor.post(
                NewsroomRoute.article(id).path,
                NewsroomClient.storyFields(
                    headline: "Budget vote tonight", body: "Line one.\nEditor's line.", slug: "budget-vote", version: 1)
            )
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Admin saved this story at"))
            #expect(stale.text.contains("value=\"Budget vote tonight\""), "the editor's own text is kept")
            #expect(
                stale.text.contains("Admin&#39;s line.") || stale.text.contains("Admin&#x27;s line.")
                    || stale.text.contains("Admin's line."))
            #expect(stale.text.contains("name=\"version\" value=\"2\""))
            let stored = try #require(try await store.articles.find(id: id))
            #expect(stored.headline == "Budget vote")
            #expect(stored.bodyMarkdown == "Line one.\nAdmin's line.")
        }
    }

    @Test func revisionsShowTheirDifferenceAndCanBeRestored() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let id = try NewsroomClient.storyID(
                try await editor.post(
                    NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "First headline")))
            _ = try await editor.post(
                NewsroomRoute.article(id).path,
                NewsroomClient.storyFields(headline: "Second headline", slug: "first-headline", version: 1))
            let list = try await editor.get(NewsroomRoute.revisions(id).path)
            #expect(list.status == .ok)
            let revisions = try await store.revisions.all(ofArticle: id)
            let original = try #require(revisions.last)
            let diff = try await editor.get(NewsroomRoute.revision(id, original.id).path)
            #expect(diff.text.contains("<span class=\"diff__removed\">− First headline</span>"))
            #expect(diff.text.contains("<span class=\"diff__added\">+ Second headline</span>"))
            let versionless = try await editor.post(NewsroomRoute.restore(id, original.id).path, [])
            #expect(versionless.status == .unprocessableContent)
            let restored = try await editor.post(NewsroomRoute.restore(id, original.id).path, [("version", "2")])
            #expect(restored.status == .seeOther)
            let story = try #require(try await store.articles.find(id: id))
            #expect(story.headline == "First headline")
            #expect(story.version == 3)
        }
    }

    @Test func aPublishedStorysOldAddressRedirectsPermanently() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            var fields = NewsroomClient.storyFields(
                headline: main.headline, lede: main.lede, body: main.bodyMarkdown, slug: "envoy-nato-membership",
                version: main.version, authors: main.authors.map(\.id))
            fields.append(("primary_topic", main.primaryTopic?.id.uuidString ?? ""))
            #expect(try await editor.post(NewsroomRoute.article(main.id).path, fields).status == .seeOther)
            let old = try await client.execute(uri: "/articles/\(main.slug.value)", method: .get)
            #expect(old.status == .movedPermanently)
            #expect(old.headers[.location] == "/articles/envoy-nato-membership")
            #expect(try await client.execute(uri: "/articles/envoy-nato-membership", method: .get).status == .ok)
        }
    }

    @Test func mergingTopicsMovesTheirStoriesAndRedirectsTheOldTopic() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let source = try #require(try await store.topics.find(slug: Slug("modi-trump")!))
            let target = try #require(try await store.topics.find(slug: Slug("trump-modi")!))
            let merged = try await editor.post(
                NewsroomRoute.mergeTopics.path,
                [("source", source.id.uuidString), ("target", target.id.uuidString)])
            #expect(merged.status == .seeOther)
            let old = try await client.execute(uri: "/topics/modi-trump", method: .get)
            #expect(old.status == .movedPermanently)
            #expect(old.headers[.location] == "/topics/trump-modi")
            let page = try await client.execute(uri: "/topics/trump-modi", method: .get).text
            #expect(page.components(separatedBy: "class=\"story__headline\"").count - 1 == 2)
        }
    }

    @Test func aCorrectionAndAnUpdateShowOnTheArticlePage() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let main = try #require(
                try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
            _ = try await editor.post(NewsroomRoute.articleUpdate(main.id).path, [("note", "Adds Kyiv's reply.")])
            _ = try await editor.post(
                NewsroomRoute.articleCorrections(main.id).path, [("text", "An earlier version misnamed the envoy.")])
            let page = try await client.execute(uri: "/articles/\(main.slug.value)", method: .get).text
            #expect(page.contains("An earlier version misnamed the envoy."))
            #expect(page.contains("Adds Kyiv&#39;s reply.") || page.contains("Adds Kyiv's reply."))
            #expect(page.contains("Updated <time datetime=\"2025-02-14T11:00:00Z\">"))
        }
    }
}

@Suite struct TopicSpellingTests {
    @Test func aSecondSpellingOfAPairIsTheSameTopicAndTheNewsroomSuggestsTheMerge() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let topics = try await editor.get(NewsroomRoute.topics.path).text
            #expect(topics.contains("“Modi - Trump” and “Trump - Modi” look like one topic"))

            let keep = try #require(try await store.topics.find(slug: Slug("trump-modi")!))
            let fold = try #require(try await store.topics.find(slug: Slug("modi-trump")!))
            let merged = try await editor.post(
                NewsroomRoute.mergeTopics.path, [("source", fold.id.uuidString), ("target", keep.id.uuidString)])
            #expect(merged.status == .seeOther)
            #expect(!(try await editor.get(NewsroomRoute.topics.path).text.contains("look like one topic")))

            // With only "Trump - Modi" left, the other spelling typed anew finds it by name.
            var fields = NewsroomClient.storyFields(headline: "Modi visits Washington again")
            fields.removeAll { $0.0 == "new_topics" }
            fields.append(("new_topics", "MODI – Trump"))
            let created = try await editor.post(NewsroomRoute.newArticle.path, fields)
            let story = try #require(try await store.articles.find(id: try NewsroomClient.storyID(created)))
            #expect(story.topics.map(\.name) == ["Trump - Modi"])
            #expect(try await store.topics.all().count == 3)
        }
    }
}
