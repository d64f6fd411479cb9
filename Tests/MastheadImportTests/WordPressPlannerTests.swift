import Foundation
import MastheadCore
import Testing

@testable import MastheadImport

/// The decisions an import makes for the real WordPress fixture's items (see PROVENANCE.md).
@Suite struct WordPressPlannerTests {
    static let now = WordPressDate.parse("2026-12-08 00:00:00")!

    static func plans() async throws -> [Int: WordPressItemPlan] {
        let records = try await WordPressExportReaderTests.records("wordpress/site.xml")
        guard case .site(let site) = records.first else { throw ImportFileError("no site") }
        let planner = WordPressPlanner(site: site, now: now)
        var plans: [Int: WordPressItemPlan] = [:]
        for case .item(let item) in records { plans[item.id] = planner.plan(item) }
        return plans
    }

    static func article(_ plan: WordPressItemPlan?) -> PlannedArticle? {
        switch plan {
        case .article(let article)?, .page(let article)?: article
        default: nil
        }
    }

    @Test func everyStatusLandsWhereTheNewsroomExpectsIt() async throws {
        let plans = try await Self.plans()
        #expect(Self.article(plans[5])?.status == .published)
        #expect(Self.article(plans[9])?.status == .scheduled, "future, in 2031")
        #expect(Self.article(plans[10])?.status == .draft)
        #expect(Self.article(plans[11])?.status == .inReview)
        #expect(Self.article(plans[12])?.status == .unpublished, "private")
        #expect(plans[13] == .skipped(.trashedPost))
        let locked = try #require(Self.article(plans[14]))
        #expect(locked.status == .unpublished, "a password-protected post's text must not become public")
        #expect(locked.notes.contains { $0.contains("Password-protected") })
        if case .page(let about)? = plans[18] { #expect(about.slug.value == "about") } else { Issue.record("page 18") }
        if case .attachment(let id, _, let file)? = plans[4] {
            #expect(id == "4")
            #expect(file == "2024/04/harbour-at-dawn.jpg")
        } else {
            Issue.record("attachment 4")
        }
    }

    @Test func slugsLedesTopicsAndBylines() async throws {
        let plans = try await Self.plans()
        let storm = try #require(Self.article(plans[5]))
        #expect(storm.slug.value == "harbour-reopens-after-storm")
        #expect(storm.lede == "Boats left the quay for the first time since Monday night.")
        #expect(storm.topicSlugs.first == "local", "the first category is the primary topic")
        #expect(storm.authorKeys == ["zoe"])
        #expect(storm.featuredImageSourceID == "4")
        #expect(storm.notes.contains { $0.contains("Sticky") })
        #expect(Self.article(plans[8])?.slug.value == "sireny-v-portu")
        let draft = try #require(Self.article(plans[10]))
        #expect(!draft.slug.value.isEmpty, "a post with no slug gets one from its title")
        let election = try #require(Self.article(plans[6]))
        #expect(!election.lede.isEmpty, "no excerpt: the first paragraph is the lede")
        #expect(!election.bodyMarkdown.contains(election.lede), "and the body does not say it twice")
    }

    @Test func oldAddressesIncludeThePermalinkDecodedAndTheQueryForm() async throws {
        let plans = try await Self.plans()
        #expect(Self.article(plans[5])?.oldPaths == ["/2024/04/11/harbour-reopens-after-storm/", "/?p=5"])
        let cyrillic = try #require(Self.article(plans[8]))
        #expect(cyrillic.oldPaths.contains("/2024/03/30/сирены-в-порту/"))
        #expect(cyrillic.oldPaths.contains { $0.hasPrefix("/2024/03/30/%d1%81") })
        #expect(Self.article(plans[18])?.oldPaths.contains("/?page_id=18") == true)
    }

    @Test func commentsKeepTheirThreadsAndLeaveOutWhatWasNotPublic() async throws {
        let storm = try #require(Self.article(try await Self.plans()[5]))
        #expect(storm.comments.count == 6, "2, 3, 4, 5 (pending), 6 (pending), 9")
        #expect(storm.comments.filter { $0.status == .pending }.count == 2)
        #expect(Set(storm.skippedComments) == [.trashedComment, .pingback, .trackback])
        let reply = try #require(storm.comments.first { $0.sourceID == "9" })
        #expect(reply.parentSourceID == nil, "its parent was trashed, so it moves up to the top of the thread")
        #expect(!reply.body.contains("<script"))
        #expect(storm.comments.first { $0.sourceID == "5" }?.parentSourceID == "4")
    }
}
