import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Requests nobody links to cannot fill the page cache: parameters a page does not read share its
/// entry, and the addresses a client can still invent (any well-formed cursor) cannot push out the
/// pages readers land on.
@Suite struct PageCacheJunkTests {
    static let article = ReferencePageTests.mainArticle

    /// A gauge or counter from `/metrics`.
    static func metric(_ client: any TestClientProtocol, _ name: String) async throws -> Int {
        let text = try await client.execute(uri: "/metrics", method: .get).text
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(name + " ") }, "\(name)")
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    static func entries(_ client: any TestClientProtocol) async throws -> Int {
        try await metric(client, "masthead_page_cache_entries")
    }

    static func hits(_ client: any TestClientProtocol) async throws -> Int {
        try await metric(client, #"masthead_page_cache_requests_total{result="hit"}"#)
    }

    /// The issue's numbers: 30 variants of one article and of the home page made 60 entries.
    @Test func thirtyJunkVariantsOfAPageAreOneEntry() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let plain = try await client.execute(uri: Self.article, method: .get)
            let home = try await client.execute(uri: "/", method: .get)
            #expect(try await Self.entries(client) == 2)
            let before = try await Self.hits(client)
            for n in 1...30 {
                let junk = try await client.execute(uri: "\(Self.article)?q=\(n)&page=\(n)&limit=\(n)", method: .get)
                #expect(junk.status == .ok && junk.text == plain.text)
                let sorted = try await client.execute(uri: "/?sort=\(n)", method: .get)
                #expect(sorted.status == .ok && sorted.text == home.text)
            }
            #expect(try await Self.entries(client) == 2)
            #expect(try await Self.hits(client) == before + 60)
        }
    }

    /// Correctness first: a parameter the page reads still gets its own page, and a value it does
    /// not accept gets the default one.
    @Test func aParameterThePageReadsStillMakesItsOwnPage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            // Two comments, so that the newest-first page differs from the oldest-first one.
            let article = try #require(try await store.articles.find(slug: Slug(String(Self.article.dropFirst(10)))!))
            for (index, body) in ["The first comment", "The second comment"].enumerated() {
                try await store.commentActions.add(
                    MastheadCore.Comment(
                        id: UUID(), articleID: article.id, displayName: "Reader", body: body, status: .published,
                        createdAt: TestSite.referenceNow.addingTimeInterval(Double(index) * 60)))
            }
            let plain = try await client.execute(uri: Self.article, method: .get).text
            let newest = try await client.execute(uri: "\(Self.article)?sort=newest", method: .get).text
            #expect(newest != plain)
            #expect(
                try #require(newest.range(of: "The second comment")).lowerBound
                    < (try #require(newest.range(of: "The first comment"))).lowerBound)
            #expect(try await Self.entries(client) == 2)
            let before = try await Self.hits(client)
            #expect(try await client.execute(uri: "\(Self.article)?sort=sideways", method: .get).text == plain)
            #expect(try await client.execute(uri: "\(Self.article)?sort=n%65west&q=1", method: .get).text == newest)
            #expect(try await Self.hits(client) == before + 2)
            #expect(try await Self.entries(client) == 2)
        }
    }

    /// Any well-formed cursor renders a real page, so a client can still invent addresses; they
    /// share a quarter of the cache, and the plain article page stays cached however many there are.
    @Test func inventedCursorsCannotPushOutThePagesReadersLandOn() async throws {
        let megabyte = 1_048_576
        try await TestSite.run(
            config: {
                var config = AppConfig(database: $0)
                config.pageCacheMegabytes = 1
                return config
            }, seed: TestSite.seedReference
        ) { client, _ in
            _ = try await client.execute(uri: Self.article, method: .get)
            let cursor = {
                ArticleCursor(publishedAt: TestSite.referenceNow.addingTimeInterval(86_400), id: UUID()).token
            }
            let start = try await Self.metric(client, "masthead_page_cache_bytes")
            _ = try await client.execute(uri: "/?before=\(cursor())", method: .get)
            let each = try await Self.metric(client, "masthead_page_cache_bytes") - start
            #expect(each > 0)
            // Enough to fill the whole cache twice over.
            for _ in 0..<(2 * megabyte / max(each, 1)) {
                #expect(try await client.execute(uri: "/?before=\(cursor())", method: .get).status == .ok)
            }
            #expect(try await Self.metric(client, "masthead_page_cache_bytes") <= megabyte)
            let before = try await Self.hits(client)
            _ = try await client.execute(uri: Self.article, method: .get)
            #expect(try await Self.hits(client) == before + 1, "the article page was pushed out")
        }
    }
}
