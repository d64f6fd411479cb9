import Foundation
import Hummingbird
import HummingbirdTesting
import MastheadTesting
import Testing

/// The reference page and the home page as readers get them, byte for byte (bar the random form token).
@Suite struct GoldenPageTests {
    static func withoutToken(_ html: String) -> String {
        html.replacingOccurrences(
            of: "name=\"csrf_token\" value=\"[0-9a-f]{64}\"", with: "name=\"csrf_token\" value=\"TOKEN\"",
            options: .regularExpression)
    }

    @Test func theReferenceArticlePage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let page = try await client.execute(uri: ReferencePageTests.mainArticle, method: .get)
            try Golden.check(Self.withoutToken(page.text), against: "reference-article.html")
        }
    }

    @Test func theHomePage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            let page = try await client.execute(uri: "/", method: .get)
            try Golden.check(page.text, against: "home.html")
        }
    }
}
