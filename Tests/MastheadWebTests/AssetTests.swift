import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadTesting
import Testing

@testable import MastheadWeb

@Suite struct AssetTests {
    static let cssLength = 5_600

    /// The stylesheet's fingerprinted address, as the home page links to it.
    static func stylesheetURL(_ client: any TestClientProtocol) async throws -> String {
        let home = try await client.execute(uri: "/", method: .get).text
        let link = try #require(home.firstMatch(of: #/href="(/assets/masthead\.[0-9a-f]{16}\.css)"/#))
        return String(link.output.1)
    }

    @Test func pagesLinkTheStylesheetByItsContentHashAndItIsCachedForGood() async throws {
        try await TestSite.run { client, _ in
            let url = try await Self.stylesheetURL(client)
            let css = try await client.execute(uri: url, method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let eTag = try #require(css.headers[.eTag])
            #expect(eTag.hasPrefix("\"") && !eTag.hasPrefix("W/"))
            #expect(css.text.contains(".read-next"))

            let plain = try await client.execute(uri: "/assets/masthead.css", method: .get)
            #expect(plain.status == .ok)
            #expect(plain.headers[.cacheControl] == "public, max-age=3600")
            #expect(plain.headers[.eTag] == eTag)

            let revalidated = try await client.execute(uri: url, method: .get, headers: [.ifNoneMatch: eTag])
            #expect(revalidated.status == .notModified)
            #expect(revalidated.body.readableBytes == 0)
        }
    }

    @Test func aThemesAssetsChangeTheirAddressWhenTheirContentChanges() {
        let one = ThemeAsset(name: "masthead.css", bytes: Array("a{}".utf8))
        let other = ThemeAsset(name: "masthead.css", bytes: Array("b{}".utf8))
        #expect(one.hashedName != other.hashedName)
        #expect(one.hashedName.hasPrefix("masthead.") && one.hashedName.hasSuffix(".css"))
        #expect(ThemeAsset(name: "fonts/serif.woff2", bytes: []).contentType == "font/woff2")
        #expect(ThemeAsset(name: "notes", bytes: []).contentType == "application/octet-stream")
    }

    @Test(arguments: [
        "/assets//.%00@evil.example/login", "/assets/masthead.css%00.html", "/assets/masthead.css%0a",
        "/assets/%2e%2e/article.mustache", "/assets/../article.mustache", "/assets//evil.example/", "/assets/",
        "/assets/masthead.css/", "/articles/a%00b", "/%1b[31m",
    ])
    func hostilePathsNeverRedirectNorServeAnotherType(path: String) async throws {
        try await TestSite.run { client, _ in
            let response = try await client.execute(uri: path, method: .get)
            #expect([.badRequest, .notFound].contains(response.status), "\(path): \(response.status)")
            #expect(response.headers[.location] == nil, "\(path)")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
            #expect(!response.text.contains(".read-next"), "\(path)")
        }
    }

    @Test func controlCharactersInAPathGetABadRequestPage() async throws {
        try await TestSite.run { client, _ in
            let response = try await client.execute(uri: "/assets/masthead.css%00.html", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("characters that no page on this site uses"))
        }
    }

    @Test func byteRangesAreServedOrRefusedAsHTTPSays() async throws {
        try await TestSite.run { client, _ in
            let whole = try await client.execute(uri: "/assets/masthead.css", method: .get)
            let length = whole.body.readableBytes
            func get(_ range: String) async throws -> TestResponse {
                try await client.execute(uri: "/assets/masthead.css", method: .get, headers: [.range: range])
            }
            let first = try await get("bytes=0-9")
            #expect(first.status == .partialContent)
            #expect(first.headers[.contentRange] == "bytes 0-9/\(length)")
            #expect(first.text == String(whole.text.prefix(10)))

            let tail = try await get("bytes=-5")
            #expect(tail.headers[.contentRange] == "bytes \(length - 5)-\(length - 1)/\(length)")
            #expect(tail.body.readableBytes == 5)

            for unsatisfiable in ["bytes=99999-", "bytes=\(length)-", "bytes=-0", "bytes=\(length)-\(length + 10)"] {
                let refused = try await get(unsatisfiable)
                #expect(refused.status == .rangeNotSatisfiable, "\(unsatisfiable)")
                #expect(refused.headers[.contentRange] == "bytes */\(length)", "\(unsatisfiable)")
                #expect(refused.body.readableBytes == 0, "\(unsatisfiable)")
            }
            for ignored in ["lines=0-5", "bytes=5-1", "bytes=abc", "bytes=0-1,4-5"] {
                let full = try await get(ignored)
                #expect(full.status == .ok, "\(ignored)")
                #expect(full.body.readableBytes == length, "\(ignored)")
            }
            let stale = try await client.execute(
                uri: "/assets/masthead.css", method: .get, headers: [.range: "bytes=0-9", .ifRange: "\"old\""])
            #expect(stale.status == .ok)
        }
    }

    @Test func rangeHeadersParseByTheRFC() {
        #expect(ByteRange(header: nil, length: 10) == .whole)
        #expect(ByteRange(header: "bytes=2-", length: 10) == .part(2...9))
        #expect(ByteRange(header: "Bytes = 2-100", length: 10) == .part(2...9))
        #expect(ByteRange(header: "bytes=-100", length: 10) == .part(0...9))
        #expect(ByteRange(header: "bytes=10-", length: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=99999999999999999999999-", length: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=0-0", length: 0) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=20-30, 40-", length: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=20-30, 4-5", length: 10) == .part(4...5))
        #expect(ByteRange(header: "items=0-1", length: 10) == .whole)
        #expect(ByteRange(header: "bytes=1-2-3", length: 10) == .whole)
    }
}
