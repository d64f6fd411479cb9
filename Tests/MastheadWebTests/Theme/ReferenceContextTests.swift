import Foundation
import MastheadCore
import MastheadTesting
import Testing

@testable import MastheadWeb

/// The reference article page's context as JSON (`Benchmarks/templates/reference-article.json`), which
/// `Benchmarks/templates.sh` renders to time the renderer without a database. It must still be that
/// page: read back, it renders what the page's own context renders. MASTHEAD_RECORD_GOLDEN=1 writes it
/// anew after a change to the page.
@Suite struct ReferenceContextTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "Benchmarks/templates/reference-article.json")

    @Test func theRecordedContextRendersTheReferenceArticlePage() async throws {
        try await TestSite.run(seed: TestSite.seedReference) { _, store in
            let slug = try #require(Slug("us-envoy-says-ukraine-nato-membership-still-possible"))
            let article = try #require(try await store.articles.find(slug: slug))
            let renderer = ArticlePageRenderer(site: try await TemplateValueParityTests.site(store))
            let page = try await renderer.page(
                article, form: CommentFormContext(article: slug, csrfToken: nil), reader: nil
            ).0
            if ProcessInfo.processInfo.environment["MASTHEAD_RECORD_GOLDEN"] == "1" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try FileManager.default.createDirectory(
                    at: Self.fixture.deletingLastPathComponent(), withIntermediateDirectories: true)
                try encoder.encode(TemplateEncoder.encode(page).json).write(to: Self.fixture)
            }
            let recorded = try JSONDecoder().decode(JSONFixture.self, from: Data(contentsOf: Self.fixture))
            let library = try TemplateLibrary(directory: Theme.defaultDirectory)
            let context = try #require(try TemplateValue.from(json: recorded))
            let fromFixture = try #require(library.render(context, template: ArticlePage.template))
            let fromPage = try #require(library.render(TemplateEncoder.encode(page), template: ArticlePage.template))
            #expect(String(decoding: fromPage, as: UTF8.self).contains(HTMLEscaping.escape(article.content.headline)))
            #expect(
                fromFixture == fromPage,
                "the recorded context no longer renders the page: MASTHEAD_RECORD_GOLDEN=1 records it anew")
        }
    }
}

extension TemplateValue {
    /// The value as JSON; ``from(json:)`` reads it back whole.
    var json: JSONFixture {
        switch self {
        case .text(let text): .string(text)
        case .flag(let flag): .bool(flag)
        case .number(let number): .int(number)
        case .list(let items): .array(items.map(\.json))
        case .fields(let fields):
            .object(Dictionary(uniqueKeysWithValues: fields.names.map { ($0, fields[$0]!.json) }))
        }
    }
}
