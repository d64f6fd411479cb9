import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct SecurityPolicyTests {
    static let policy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    @Test func theWholeContentSecurityPolicyIsOnPagesErrorsAndAssets() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, _ in
            for uri in [ReferencePageTests.mainArticle, "/nowhere", "/assets/masthead.css", "/articles/a%00"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[.contentSecurityPolicy] == Self.policy, "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
            }
        }
    }

    @Test(arguments: [
        (HTTPField.Name("Sec-Fetch-Site")!, "Cross-Site"), (HTTPField.Name("Sec-Fetch-Site")!, "CROSS-SITE"),
        (.origin, "https://evil.example"), (.origin, "null"), (.origin, "http://127.0.0.1:9999"),
        (.origin, "not an origin"),
    ])
    func formPostsFromAnotherSiteAreRefused(header: HTTPField.Name, value: String) async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            let response = try await CommentPostingTests.post(
                client, name: "Ola", body: "From elsewhere", token: token, cookie: cookie, extraHeaders: [header: value]
            )
            #expect(response.status == .forbidden)
            #expect(try await CommentPostingTests.storedComments(store).isEmpty)
        }
    }

    @Test(arguments: [
        [HTTPField(name: .origin, value: "http://127.0.0.1:8080")],
        [HTTPField(name: .origin, value: "HTTP://127.0.0.1:8080")],
        [HTTPField(name: HTTPField.Name("Sec-Fetch-Site")!, value: "same-origin")],
    ])
    func formPostsFromThisSiteAreTaken(headers: [HTTPField]) async throws {
        try await TestSite.run(seed: TestSite.seedReference) { client, store in
            let (cookie, token) = try await CommentPostingTests.openForm(client)
            let response = try await CommentPostingTests.post(
                client, name: "Ola", body: "From here", token: token, cookie: cookie, extraHeaders: HTTPFields(headers))
            #expect(response.status == .seeOther)
            #expect(try await CommentPostingTests.storedComments(store).count == 1)
        }
    }

    @Test func originsCompareAsBrowsersCompareThem() {
        #expect(WebOrigin("https://News.Example.com") == WebOrigin("https://news.example.com:443/"))
        #expect(WebOrigin("http://a.example") != WebOrigin("https://a.example"))
        #expect(WebOrigin("null") == nil)
        #expect(WebOrigin("http://[::1]:8080") == WebOrigin(scheme: "http", authority: "[::1]:8080"))
        #expect(WebOrigin("http://a.example:99999") == nil)
    }
}
