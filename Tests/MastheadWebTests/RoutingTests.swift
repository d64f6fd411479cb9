import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct RoutingTests {
    @Test func everyLinkTheSiteBuildsReachesARealRoute() async throws {
        let article = Slug("us-envoy-says-ukraine-nato-membership-still-possible")!
        let cursor = ArticleCursor(publishedAt: TestSite.referenceNow, id: UUID())
        let links: [ReaderRoute] = [
            .home(), .home(before: cursor), .article(article), .topic(Slug("us-tariffs")!),
            .topic(Slug("us-tariffs")!, before: cursor), .author(Slug("anna-kowalska")!),
            .author(Slug("anna-kowalska")!, before: cursor), .asset("masthead.css"),
            .comment(article: article, id: UUID()),
        ]
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            for link in links {
                let path = String(link.path.prefix { $0 != "#" })
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(link) → \(path)")
            }
            let form = try await client.execute(uri: ReaderRoute.articleComments(article).path, method: .post)
            #expect(form.status == .forbidden)
            let opened = try await client.execute(uri: ReaderRoute.articleComments(article).path, method: .get)
            #expect(opened.status == .seeOther)
            #expect(opened.headers[.location] == ReaderRoute.article(article).path + "#comments")
        }
    }
}
