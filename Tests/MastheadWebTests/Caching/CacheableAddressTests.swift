import Foundation
import MastheadCore
import Testing

@testable import MastheadWeb

/// The page cache's key keeps, of a query, only what the route at that path reads, in the form it
/// reads it: junk shares the plain page's entry, and pages that differ keep entries of their own.
@Suite struct CacheableAddressTests {
    static let article = "/articles/x"
    static let newest = CommentCursor(
        order: .newest, createdAt: Date(timeIntervalSince1970: 1_739_528_700), likeCount: 2,
        id: UUID(uuidString: "6D1F1E2A-0000-4000-8000-000000000001")!)
    static let story = ArticleCursor(
        publishedAt: Date(timeIntervalSince1970: 1_739_528_700),
        id: UUID(uuidString: "6D1F1E2A-0000-4000-8000-000000000002")!)

    @Test func trackingParametersShareThePageTheyLinkTo() {
        #expect(CacheableAddress.key("/articles/x?utm_source=fb&fbclid=IwAR3") == "/articles/x")
        #expect(CacheableAddress.key("/articles/x") == "/articles/x")
        #expect(CacheableAddress.key("/?fbclid=1&before=\(Self.story.token)&gclid=2") == "/?before=\(Self.story.token)")
    }

    /// The junk: parameters some other route reads, on an article and on the home page.
    @Test func parametersTheRouteDoesNotReadShareThePlainPage() {
        for n in [1, 2, 17] {
            #expect(CacheableAddress.key("\(Self.article)?q=\(n)&page=\(n)&limit=\(n)") == Self.article)
            #expect(CacheableAddress.key("/?sort=\(n)") == "/")
            #expect(CacheableAddress.key("/topics/t?q=\(n)&sort=newest") == "/topics/t")
            #expect(CacheableAddress.key("/feed.xml?page=\(n)") == "/feed.xml")
            #expect(CacheableAddress.key("/api/v1/articles/x?limit=\(n)") == "/api/v1/articles/x")
        }
    }

    @Test func aValueTheRouteDoesNotAcceptIsItsDefault() {
        #expect(CacheableAddress.key("\(Self.article)?sort=sideways") == Self.article)
        #expect(CacheableAddress.key("\(Self.article)?sort=oldest") == Self.article)
        #expect(CacheableAddress.key("\(Self.article)?after=junk") == Self.article)
        // A cursor of another order means nothing in this one.
        #expect(CacheableAddress.key("\(Self.article)?after=\(Self.newest.encoded)") == Self.article)
        #expect(CacheableAddress.key("\(Self.article)?comment=whatever&reason=tooLong") == Self.article)
        #expect(CacheableAddress.key("/?before=abc") == "/")
        #expect(CacheableAddress.key("/search?q=&page=0&topic=&to=") == "/search")
        #expect(CacheableAddress.key("/search?q=tariffs&page=1") == "/search?q=tariffs")
    }

    @Test func whatTheRouteReadsKeepsAnEntryOfItsOwnInOneForm() {
        let sorted = "\(Self.article)?sort=newest&after=\(Self.newest.encoded)"
        #expect(CacheableAddress.key(sorted) == sorted)
        #expect(CacheableAddress.key("\(Self.article)?after=\(Self.newest.encoded)&q=1&sort=newest") == sorted)
        // Escaped, repeated (the first counts) or reordered, one value is one entry.
        #expect(CacheableAddress.key("\(Self.article)?sort=n%65west") == "\(Self.article)?sort=newest")
        #expect(CacheableAddress.key("\(Self.article)?sort=liked&sort=newest") == "\(Self.article)?sort=liked")
        #expect(CacheableAddress.key("\(Self.article)?comment=held&reason=tooLong") != Self.article)
        // Only a held or rejected comment's notice shows its reason.
        #expect(
            CacheableAddress.key("\(Self.article)?comment=deleted&reason=tooLong") == "\(Self.article)?comment=deleted")
        #expect(CacheableAddress.key("/people/p?before=\(Self.story.token)") == "/people/p?before=\(Self.story.token)")
        #expect(CacheableAddress.key("/search?page=99&q=a%26b") == "/search?q=a%26b&page=10")
        #expect(CacheableAddress.key("/search?q=a&b") != CacheableAddress.key("/search?q=a%26b"))
        #expect(CacheableAddress.key("/api/v1/articles?limit=20&topic=t") == "/api/v1/articles?topic=t")
        #expect(
            CacheableAddress.key("/api/v1/articles?limit=05&author=a&topic=t") == "/api/v1/articles?limit=5&topic=t")
    }

    /// The API answers these with a 400, which the page for the default must not stand in for.
    @Test func aValueTheAPIRefusesIsNotCached() {
        #expect(CacheableAddress.key("/api/v1/articles?limit=500") == nil)
        #expect(CacheableAddress.key("/api/v1/articles?before=abc") == nil)
        #expect(CacheableAddress.key("/api/v1/articles?since=yesterday") == nil)
        #expect(CacheableAddress.key("/api/v1/articles/x/comments?after=abc") == nil)
        #expect(CacheableAddress.key("/api/v1/search?q=a&page=11") == nil)
        #expect(CacheableAddress.key("/api/v1/search?q=a&topic=") == nil)
    }

    @Test func theRoutersViewOfThePathIsTheKey() {
        #expect(CacheableAddress.key("/articles//x/") == Self.article)
        #expect(CacheableAddress.key("//articles/x?sort=newest") == "\(Self.article)?sort=newest")
        #expect(CacheableAddress.key("/articles/%78") == nil)
        #expect(CacheableAddress.key("http://elsewhere.example/articles/x") == nil)
    }

    @Test func anEscapedNameIsNotCached() {
        #expect(CacheableAddress.key("/?bef%6Fre=abc") == nil)
        #expect(CacheableAddress.key("/?so+rt=x") == nil)
    }
}
