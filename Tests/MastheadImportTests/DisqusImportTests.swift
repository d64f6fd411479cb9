import Foundation
import Testing

@testable import MastheadImport

/// Against `Tests/ImportFixtures/disqus/export.xml` (see PROVENANCE.md).
@Suite struct DisqusImportTests {
    static func records() async throws -> [DisqusRecord] {
        var all: [DisqusRecord] = []
        let path = WordPressExportReaderTests.fixtures.appendingPathComponent("disqus/export.xml").path
        for try await record in DisqusExportReader(path: path) { all.append(record) }
        return all
    }

    @Test func threadsAndPostsComeWithTheirLinksAndParents() async throws {
        let records = try await Self.records()
        let threads = records.compactMap { if case .thread(let thread) = $0 { thread } else { nil } }
        let posts = records.compactMap { if case .post(let post) = $0 { post } else { nil } }
        #expect(threads.count == 7)
        #expect(posts.count == 14)
        #expect(threads[0].link == "https://news.example.org/2024/04/11/harbour-reopens-after-storm/")
        let reply = try #require(posts.first { $0.id == "6400000002" })
        #expect(reply.threadID == "9800000001")
        #expect(reply.parentID == "6400000001")
        #expect(reply.authorName == "Søren Kierkegård")
        #expect(
            posts.first { $0.id == "6400000001" }?.createdAt == (try Date("2024-04-11T08:40:00Z", strategy: .iso8601)))
    }

    @Test func deletedAndSpamPostsStayOutAndTheirRepliesMoveUp() async throws {
        let posts = try await Self.records().compactMap { if case .post(let post) = $0 { post } else { nil } }
        let (comments, skipped) = DisqusCommentPlanner.plan(posts.filter { $0.threadID == "9800000001" })
        #expect(comments.map(\.sourceID) == ["6400000001", "6400000002", "6400000003", "6400000006"])
        #expect(Set(skipped) == [.deletedComment, .spamComment])
        #expect(
            comments.first { $0.sourceID == "6400000006" }?.parentSourceID == "6400000001", "its parent was deleted")
        #expect(
            comments.first { $0.sourceID == "6400000002" }?.body
                == "It was updated ten minutes ago.\\\nRefresh & try again.\n")
    }

    @Test func aThreadsAddressIsMatchedInEverySpellingWordPressWrote() {
        #expect(
            ThreadAddress.paths(of: "https://news.example.org/2024/03/30/%D1%81%D0%B8-%D0%B2/")
                == ["/2024/03/30/%D1%81%D0%B8-%D0%B2/", "/2024/03/30/%d1%81%d0%b8-%d0%b2/", "/2024/03/30/си-в/"])
        #expect(
            ThreadAddress.paths(of: "http://news.example.org/2024/05/02/council/?utm_source=social&utm_medium=share")
                == ["/2024/05/02/council/"])
        #expect(ThreadAddress.paths(of: "https://news.example.org/?p=15") == ["/?p=15"])
    }
}
