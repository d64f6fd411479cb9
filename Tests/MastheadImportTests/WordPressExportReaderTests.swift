import Foundation
import Testing

@testable import MastheadImport

/// Against `Tests/ImportFixtures/wordpress/site.xml`, written by a real WordPress 6.1.9 (see the
/// fixtures' PROVENANCE.md for what it holds and why).
@Suite struct WordPressExportReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ImportFixtures")

    static func records(_ relativePath: String) async throws -> [WordPressRecord] {
        var all: [WordPressRecord] = []
        for try await record in WordPressExportReader(path: fixtures.appendingPathComponent(relativePath).path) {
            all.append(record)
        }
        return all
    }

    static func utc(_ text: String) -> Date? { WordPressDate.parse(text) }

    @Test func theSiteComesFirstThenAuthorsTermsAndItems() async throws {
        let records = try await Self.records("wordpress/site.xml")
        guard case .site(let site) = records.first else {
            Issue.record("the first record is not the site")
            return
        }
        #expect(site.title == "Harbour Gazette")
        #expect(site.address == "https://news.example.org")
        #expect(site.wxrVersion == "1.2")
        let authors = records.compactMap { if case .author(let author) = $0 { author } else { nil } }
        #expect(
            authors.map(\.displayName) == [
                "Harbour Gazette Desk", "Zoë Brontë", "José Saramago", "Łukasz Żółć", "Siobhán O'Brien",
            ])
        let terms = records.compactMap { if case .term(let term) = $0 { term } else { nil } }
        #expect(terms.filter { $0.kind == .category }.count == 8)
        #expect(terms.filter { $0.kind == .tag }.count == 7)
        let items = records.compactMap { if case .item(let item) = $0 { item } else { nil } }
        #expect(items.count == 16)
        #expect(items.filter { $0.type == "post" }.count == 13)
        #expect(items.filter { $0.type == "page" }.count == 2)
    }

    @Test func termNamesAreDecodedOnceAndNestedCategoriesKeepTheirParent() async throws {
        let terms = try await Self.records("wordpress/site.xml").compactMap {
            if case .term(let term) = $0 { term } else { nil }
        }
        let arts = try #require(terms.first { $0.slug == "arts-culture" })
        #expect(arts.name == "Arts & Culture")
        #expect(arts.description == "Theatre, music & books")
        #expect(terms.first { $0.slug == "qa" }?.name == "Q&A")
        #expect(terms.first { $0.slug == "europe" }?.parentSlug == "world")
        #expect(terms.first { $0.slug == "world" }?.parentSlug == "news")
        #expect(terms.first { $0.slug == "news" }?.parentSlug == nil)
    }

    @Test func itemsKeepStatusTimesSlugsAndComments() async throws {
        let items = try await Self.records("wordpress/site.xml").compactMap {
            if case .item(let item) = $0 { item } else { nil }
        }
        let storm = try #require(items.first { $0.id == 5 })
        #expect(storm.status == "publish")
        #expect(storm.isSticky)
        #expect(storm.authorLogin == "zoe")
        #expect(storm.publishedAt == Self.utc("2024-04-11 07:30:00"))
        #expect(storm.link == "https://news.example.org/2024/04/11/harbour-reopens-after-storm/")
        #expect(storm.meta["_thumbnail_id"] == "4")
        #expect(storm.tagSlugs.contains("climate"))
        #expect(storm.categorySlugs == ["local"])
        #expect(storm.contentHTML.contains("<!-- wp:html -->"))
        #expect(storm.excerpt == "Boats left the quay for the first time since Monday night.")
        #expect(storm.comments.count == 9)
        #expect(storm.comments.contains { $0.kind == .pingback })
        #expect(storm.comments.contains { $0.kind == .trackback })
        #expect(storm.comments.contains { $0.parentID != nil })

        let cyrillic = try #require(items.first { $0.id == 8 })
        #expect(cyrillic.slug == "сирены-в-порту")

        let draft = try #require(items.first { $0.id == 10 })
        #expect(draft.status == "draft")
        #expect(draft.slug.isEmpty)
        #expect(draft.publishedAt == nil, "WordPress writes 0000-00-00 00:00:00 for a draft's GMT date")
        #expect(draft.localDate != nil)

        #expect(items.first { $0.id == 14 }?.password == "harbour")
        #expect(items.first { $0.id == 13 }?.comments.first?.status == .trash, "post-trashed is a trashed comment")
        #expect(items.first { $0.id == 17 }?.publishedAt == Self.utc("2018-12-31 23:30:00"))
        #expect(items.first { $0.id == 4 }?.attachmentURL?.hasSuffix("/2024/04/harbour-at-dawn.jpg") == true)
    }

    @Test func anItemWithoutItsIDIsNamedWithItsLine() async throws {
        do {
            _ = try await Self.records("hostile/missing-post-id.xml")
            Issue.record("an item without wp:post_id was read")
        } catch let error as ImportFileError {
            #expect(error.message.contains("has no wp:post_id"))
            #expect(error.line != nil)
        }
    }
}

/// The hostile fixtures (see PROVENANCE.md): each is refused with a sentence that names its line. A
/// document type is refused by its declaration's line, before the parser sees the file, so no entity is
/// ever expanded nor any file read.
@Suite struct HostileWordPressExportTests {
    @Test(
        arguments: [
            ("billion-laughs.xml", 2, "declares a document type"),
            ("xxe-passwd.xml", 2, "declares a document type"),
            ("xxe-external-dtd.xml", 2, "declares a document type"),
            ("malformed-unclosed.xml", 82, "not well-formed"),
            ("invalid-utf8.xml", 42, "not valid UTF-8"),
            ("missing-post-id.xml", 41, "has no wp:post_id"),
        ])
    func isRefusedWithItsLine(file: String, line: Int, saying: String) async throws {
        do {
            _ = try await WordPressExportReaderTests.records("hostile/" + file)
            Issue.record("\(file) was read")
        } catch let error as ImportFileError {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(saying), "\(error)")
        }
    }
}

@Suite struct WordPressBodyTests {
    static func item(_ id: Int) async throws -> WordPressItem {
        let records = try await WordPressExportReaderTests.records("wordpress/site.xml")
        return try #require(
            records.lazy.compactMap { if case .item(let item) = $0, item.id == id { item } else { nil } }.first)
    }

    @Test func aBlockEditorPostKeepsItsStructureAndLosesItsScript() async throws {
        let body = WordPressBody.markdown(fromContent: try await Self.item(5).contentHTML)
        #expect(body.hasPrefix("The harbour reopened on Thursday morning"))
        #expect(body.contains("\n\n## What happened\n\n"))
        #expect(body.contains("- Two pontoons broke loose & drifted into the channel."))
        #expect(body.contains("### What comes next"))
        #expect(body.contains("1. Divers survey the channel.\n2. The ferry returns on **Saturday**."))
        #expect(body.contains("> We were lucky. Nobody was on the water when it hit."))
        #expect(body.contains("<figcaption>Boats back at the quay. Photo: Zoë Brontë</figcaption></figure>"))
        #expect(body.contains("<https://www.youtube.com/watch?v=aqz-KE-bpKQ>"))
        #expect(!body.contains("script"))
        #expect(!body.contains("tracker.example.net"))
        #expect(!body.contains("wp:"))
    }

    @Test func aClassicPostGetsItsParagraphsAndItsCaptionedPicture() async throws {
        let body = WordPressBody.markdown(fromContent: try await Self.item(15).contentHTML)
        #expect(body.contains("<figure><img"))
        #expect(body.contains("<figcaption>"))
        #expect(body.components(separatedBy: "\n\n").count >= 3, "blank lines made paragraphs:\n\(body)")
        #expect(!body.contains("[caption"))
        #expect(!body.contains("more-->"))
    }
}
