import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// Feature images: uploads judged by their bytes, stored by their content, served for good.
@Suite struct FeatureImageTests {
    /// A real 1×1 PNG.
    static let png: [UInt8] = Array(
        Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!)
    static let mainSlug = Slug("us-envoy-says-ukraine-nato-membership-still-possible")!

    @Test func aPictureIsStoredByItsHashShownWithItsCaptionAndCachedForGood() async throws {
        try await TestSite.run(config: NewsroomClient.config, seed: NewsroomClient.seedAccounts) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let main = try #require(try await store.articles.find(slug: Self.mainSlug))
            let uploaded = try await editor.upload(
                NewsroomRoute.articleImage(main.id).path, file: Self.png, fileName: "kyiv.png",
                fields: [
                    ("alt", "Officials at a podium in Kyiv"), ("caption", "The envoy in Kyiv."),
                    ("credit", "Photo: Jane Doe"), ("version", String(main.version)),
                ])
            #expect(uploaded.status == .seeOther)
            let image = try #require(try await store.articles.find(id: main.id)?.content.image)
            #expect(FeatureImage.isFileName(image.file))
            #expect(image.file.hasSuffix(".png"))
            #expect(try await store.articles.find(id: main.id)?.version == main.version + 1)

            let page = try await client.execute(uri: "/articles/\(Self.mainSlug)", method: .get).text
            #expect(page.contains("<img src=\"/media/\(image.file)\" alt=\"Officials at a podium in Kyiv\">"))
            #expect(
                page.contains(
                    "<figcaption>The envoy in Kyiv. <span class=\"article__credit\">Photo: Jane Doe</span></figcaption>"
                ))

            let served = try await client.execute(uri: "/media/\(image.file)", method: .get)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "image/png")
            #expect(served.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(Array(buffer: served.body) == Self.png)
            let again = try await client.execute(
                uri: "/media/\(image.file)", method: .get, headers: [.ifNoneMatch: served.headers[.eTag]!])
            #expect(again.status == .notModified)
            for path in [
                "/media/x.png", "/media/..%2F..%2Fetc%2Fpasswd", "/media/\(String(repeating: "a", count: 64)).exe",
            ] {
                #expect(try await client.execute(uri: path, method: .get).status == .notFound, "\(path)")
            }
        }
    }

    @Test func aScriptRenamedPhotoJpgIsRefusedAndNothingIsStored() async throws {
        let config = NewsroomClient.config(.sqlite(path: "/unused"))
        let media = try #require(config.mediaDirectory)
        try await TestSite.run(
            config: {
                var actual = NewsroomClient.config($0)
                actual.mediaDirectory = media
                return actual
            },
            seed: NewsroomClient.seedAccounts
        ) { client, store in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let main = try #require(try await store.articles.find(slug: Self.mainSlug))
            let refused = try await editor.upload(
                NewsroomRoute.articleImage(main.id).path,
                file: Array("#!/bin/sh\nrm -rf /\n<script>alert(1)</script>".utf8),
                fileName: "photo.jpg", fields: [("alt", "A photo"), ("version", String(main.version))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("That file is not a JPEG, PNG, WebP or GIF picture, whatever its name says."))
            #expect(try await store.articles.find(id: main.id)?.content.image == nil)
            #expect(try await store.articles.find(id: main.id)?.version == main.version)
            let stored = (try? FileManager.default.contentsOfDirectory(atPath: media)) ?? []
            #expect(stored.isEmpty)

            let noAlt = try await editor.upload(
                NewsroomRoute.articleImage(main.id).path, file: Self.png, fileName: "kyiv.png",
                fields: [("alt", " "), ("version", String(main.version))])
            #expect(noAlt.status == .unprocessableContent)
            #expect(noAlt.text.contains("Describe the picture in its alt text"))
        }
    }

    @Test func formatsAreKnownByTheirFirstBytes() {
        #expect(ImageFormat(bytes: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageFormat(bytes: Self.png) == .png)
        #expect(ImageFormat(bytes: Array("GIF89a....".utf8)) == .gif)
        #expect(ImageFormat(bytes: Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat(bytes: Array("RIFF\u{0}\u{0}\u{0}\u{0}AVI ".utf8)) == nil)
        #expect(ImageFormat(bytes: Array("<svg onload=alert(1)>".utf8)) == nil)
        #expect(ImageFormat(bytes: [UInt8]()) == nil)
    }
}
