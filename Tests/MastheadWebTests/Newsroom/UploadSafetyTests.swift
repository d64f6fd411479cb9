import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MastheadCore
import MastheadStore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// What the feature-image upload and the editor's image field refuse: pictures too large to decode,
/// files that were never uploaded, and forms without the session's token.
@Suite struct UploadSafetyTests {
    static let mainSlug = FeatureImageTests.mainSlug

    /// A newsroom whose media folder the test can look into.
    static func run(_ test: @escaping @Sendable (any TestClientProtocol, Store, String) async throws -> Void)
        async throws
    {
        let media = try #require(NewsroomClient.config(.sqlite(path: "/unused")).mediaDirectory)
        try await TestSite.run(
            config: {
                var config = NewsroomClient.config($0)
                config.mediaDirectory = media
                return config
            },
            seed: NewsroomClient.seedAccounts
        ) { client, store in
            try await test(client, store, media)
        }
    }

    static func stored(_ media: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: media)) ?? []
    }

    /// A PNG's signature and header declaring `width` × `height`, and its end: all a browser needs
    /// to set aside memory for every pixel.
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        let bigEndian = { (value: UInt32) in [24, 16, 8, 0].map { UInt8(value >> $0 & 0xFF) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + bigEndian(width)
            + bigEndian(height) + [8, 6, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0] + Array("IEND".utf8)
            + [0xAE, 0x42, 0x60, 0x82]
    }

    @Test func aPictureDeclaringTooManyPixelsIsRefusedAndNotStored() async throws {
        try await Self.run { client, store, media in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let main = try #require(try await store.articles.find(slug: Self.mainSlug))
            let bomb = try await editor.upload(
                NewsroomRoute.articleImage(main.id).path, file: Self.png(width: 65_535, height: 65_535),
                fileName: "kyiv.png", fields: [("alt", "A podium"), ("version", String(main.version))])
            #expect(bomb.status == .unprocessableContent)
            #expect(bomb.text.contains("The picture is 65,535 × 65,535 pixels; pictures can be up to 12,000 pixels"))
            let unreadable = try await editor.upload(
                NewsroomRoute.articleImage(main.id).path, file: Array(Self.png(width: 10, height: 10).prefix(18)),
                fileName: "cut.png", fields: [("alt", "A podium"), ("version", String(main.version))])
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.text.contains("size could not be read from the file"))
            #expect(Self.stored(media).isEmpty)
            let after = try #require(try await store.articles.find(id: main.id))
            #expect(after.content.image == nil)
            #expect(after.version == main.version)

            let fine = try await editor.upload(
                NewsroomRoute.articleImage(main.id).path, file: Self.png(width: 4_000, height: 3_000),
                fileName: "kyiv.png", fields: [("alt", "A podium"), ("version", String(main.version))])
            #expect(fine.status == .seeOther, "a camera's picture is accepted")
            #expect(Self.stored(media).count == 1)
        }
    }

    @Test func anImageFileThatWasNeverUploadedIsRefused() async throws {
        try await Self.run { client, store, media in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let id = try NewsroomClient.storyID(
                try await editor.post(
                    NewsroomRoute.newArticle.path, NewsroomClient.storyFields(headline: "Budget vote")))
            let invented = String(repeating: "ab", count: 32) + ".png"
            let refused = try await editor.post(
                NewsroomRoute.article(id).path,
                NewsroomClient.storyFields(headline: "Budget vote", slug: "budget-vote", version: 1)
                    + [("image_file", invented), ("image_alt", "A chart")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("No uploaded picture is named “\(invented)”"))
            let unchanged = try #require(try await store.articles.find(id: id))
            #expect(unchanged.content.image == nil)
            #expect(unchanged.version == 1)

            let uploaded = try await editor.upload(
                NewsroomRoute.articleImage(id).path, file: FeatureImageTests.png, fileName: "chart.png",
                fields: [("alt", "A chart"), ("version", "1")])
            #expect(uploaded.status == .seeOther)
            let file = try #require(try await store.articles.find(id: id)?.content.image?.file)
            #expect(Self.stored(media) == [file])
            let kept = try await editor.post(
                NewsroomRoute.article(id).path,
                NewsroomClient.storyFields(headline: "Budget vote tonight", slug: "budget-vote", version: 2)
                    + [("image_file", file), ("image_alt", "A chart of the vote")])
            #expect(kept.status == .seeOther, "a picture in the upload store is accepted")
            #expect(try await store.articles.find(id: id)?.content.image?.alt == "A chart of the vote")
        }
    }

    @Test func anUploadWithoutTheFormsTokenChangesNothing() async throws {
        try await Self.run { client, store, media in
            var editor = NewsroomClient(client)
            try await editor.signIn(as: .editor)
            let main = try #require(try await store.articles.find(slug: Self.mainSlug))
            let fields = [("alt", "A podium"), ("version", String(main.version))]
            let path = NewsroomRoute.articleImage(main.id).path
            let missing = try await editor.upload(
                path, file: FeatureImageTests.png, fileName: "kyiv.png", fields: fields, sendsToken: false)
            let wrong = try await editor.upload(
                path, file: FeatureImageTests.png, fileName: "kyiv.png", fields: fields,
                token: String(repeating: "0", count: 43))
            for refused in [missing, wrong] {
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("This form had expired, so nothing was changed."))
            }
            #expect(Self.stored(media).isEmpty)
            let after = try #require(try await store.articles.find(id: main.id))
            #expect(after.version == main.version)
            #expect(after.content.image == nil)
        }
    }
}
