import Foundation
import MastheadCore
import MastheadStore
import MastheadTesting
import Synchronization
import Testing

@testable import MastheadWeb

/// Feeds, structured data, article extraction and sitemaps as clients nobody here wrote read them:
/// feedparser, extruct, trafilatura and ultimate-sitemap-parser, from the validators' venv
/// (`shared/tools/install-validators.sh`, which `scripts/test.sh` runs when it is missing).
@Suite struct RealClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("read_distribution.py").path
    static let mainPath = "/articles/us-envoy-says-ukraine-nato-membership-still-possible"

    /// A site on a real socket whose links point at that socket, for clients that follow them.
    static func liveConfig(_ location: DatabaseLocation, _ host: String, _ port: Int) -> AppConfig {
        var config = NewsroomClient.config(location)
        config.hostname = host
        config.port = port
        config.baseURL = "http://127.0.0.1:\(port)"
        return config
    }

    static var python: String? {
        let venv = ProcessInfo.processInfo.environment["NEWSVAL_VENV"] ?? "/opt/newsval/venv"
        let path = venv + "/bin/python"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test func feedsStructuredDataExtractionAndSitemapsReadCorrectly() async throws {
        let python = try #require(Self.python, "The validators' venv is missing: run scripts/test.sh")
        try await TestSite.serve(
            hostname: "127.0.0.1",
            config: Self.liveConfig,
            seed: { store in
                try await FeedAndSitemapTests.seed(store)
                let editor = try #require(try await store.accounts.find(email: "editor@example.com"))
                let main = try #require(
                    try await store.articles.find(slug: Slug("us-envoy-says-ukraine-nato-membership-still-possible")!))
                _ = try await store.articleActions.markUpdated(
                    main.id, note: "Adds Kyiv's reply.", by: editor, now: TestSite.referenceNow.addingTimeInterval(-120)
                )
            }
        ) { port in
            let feeds = FeedAndSitemapTests.feeds.map(\.0)
            let output = try await Self.run(python, [Self.script, "http://127.0.0.1:\(port)", Self.mainPath] + feeds)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            Self.checkFeeds(report["feeds"] as? [String: [String: Any]] ?? [:])
            Self.checkStructuredData(report)
            Self.checkExtraction(report["trafilatura"] as? [String: Any] ?? [:])
            Self.checkReaderMode(report["readability"] as? [String: Any] ?? [:])
            Self.checkSitemaps(report["sitemaps"] as? [String: [String]] ?? [:], port: port)
        }
    }

    static func checkFeeds(_ feeds: [String: [String: Any]]) {
        #expect(feeds.count == 9)
        for (path, feed) in feeds {
            #expect(feed["bozo"] as? Int == 0, "\(path): \(feed["error"] ?? "")")
            let expectedVersion = path.hasSuffix(".json") ? "json11" : path.hasSuffix("atom.xml") ? "atom10" : "rss20"
            #expect(feed["version"] as? String == expectedVersion, "\(path)")
            let entries = feed["entries"] as? [[String: Any]] ?? []
            #expect(!entries.isEmpty, "\(path)")
            let first = entries.first ?? [:]
            if path.hasPrefix("/topics/ukraine") || path.hasPrefix("/feed") || path.hasPrefix("/atom") {
                #expect(
                    first["title"] as? String
                        == "U.S. envoy says Ukraine’s NATO membership is still on the table, contradicting Hegseth",
                    "\(path)")
            }
            #expect(first["author"] as? String == "Anna Kowalska", "\(path)")
            #expect((first["published"] as? [Int])?.prefix(3) == [2025, 2, 14], "\(path)")
        }
    }

    static func checkStructuredData(_ report: [String: Any]) {
        let graph = report["jsonld"] as? [[String: Any]] ?? []
        let article = graph.first { $0["@type"] as? String == "NewsArticle" } ?? [:]
        #expect(
            article["headline"] as? String
                == "U.S. envoy says Ukraine’s NATO membership is still on the table, contradicting Hegseth")
        for field in [
            "description", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage", "articleSection",
            "keywords", "correction", "url",
        ] {
            #expect(article[field] != nil, "NewsArticle lacks \(field)")
        }
        #expect(article["dateModified"] as? String == "2025-02-14T10:58:00Z")
        let author = (article["author"] as? [[String: Any]])?.first
        #expect(author?["@type"] as? String == "Person")
        #expect((author?["url"] as? String)?.hasSuffix("/authors/anna-kowalska") == true)
        let publisher = article["publisher"] as? [String: Any]
        #expect(publisher?["@type"] as? String == "NewsMediaOrganization")
        #expect(((publisher?["logo"] as? [String: Any])?["url"] as? String)?.contains("/assets/logo.") == true)
        #expect(graph.contains { $0["@type"] as? String == "BreadcrumbList" })
        let openGraph = (report["opengraph"] as? [[String: Any]])?.first ?? [:]
        #expect(openGraph["@type"] as? String == "article")
        #expect(openGraph["article:section"] as? String == "Ukraine")
        #expect(openGraph["article:published_time"] as? String == "2025-02-14T10:40:00Z")
    }

    /// The lede opens the story: an extractor that drops it loses the sentence the story stands on.
    static let lede = "A senior U.S. official said on Thursday that Ukraine’s NATO membership"

    static func checkExtraction(_ extracted: [String: Any]) {
        let text = extracted["text"] as? String ?? ""
        #expect(text.hasPrefix(lede), "trafilatura lost the lede: \(text.prefix(120))")
        #expect(text.contains("John Coale, President Donald Trump’s deputy Ukraine envoy"))
        #expect(text.contains("signaling a shift in the U.S. diplomatic approach"))
        #expect(!text.contains("Read next"))
        #expect(!text.contains("Trump orders a plan for reciprocal tariffs"), "a Read next headline")
        #expect(!text.contains("What is your opinion"))
        #expect(extracted["author"] as? String == "Anna Kowalska")
        #expect(extracted["date"] as? String == "2025-02-14")
    }

    static func checkReaderMode(_ extracted: [String: Any]) {
        let text = extracted["text"] as? String ?? ""
        #expect(text.hasPrefix(lede), "Readability lost the lede: \(text.prefix(120))")
        #expect(text.contains("signaling a shift in the U.S. diplomatic approach"))
        #expect(!text.contains("Read next"))
        #expect(!text.contains("What is your opinion"))
    }

    static func checkSitemaps(_ sitemaps: [String: [String]], port: Int) {
        let base = "http://127.0.0.1:\(port)"
        #expect(sitemaps["pages"]?.contains(base + mainPath) == true)
        #expect(sitemaps["pages"]?.contains(base + "/topics/ukraine") == true)
        #expect(sitemaps["pages"]?.contains(base + "/authors/anna-kowalska") == true)
        #expect(sitemaps["news"]?.count == 6)
        #expect(sitemaps["sitemaps"]?.contains(base + "/sitemaps/news.xml") == true)
    }

    /// Runs a process on a thread of its own and returns its standard output; a failed exit throws
    /// with what it wrote.
    static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let output = Pipe()
                let errors = Pipe()
                process.standardOutput = output
                process.standardError = errors
                do {
                    try process.run()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    let problems = errors.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    guard process.terminationStatus == 0 else {
                        throw RawHTTP.Failure(
                            description: "exit \(process.terminationStatus): "
                                + String(decoding: data.suffix(4000) + problems.suffix(2000), as: UTF8.self))
                    }
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

/// schemathesis, a client nobody here wrote, runs the OpenAPI document against a live server with an
/// admin key: every operation, with valid and invalid data, must answer as the document says.
@Suite struct OpenAPIConformanceTests {
    @Test func theAPIAnswersAsItsOpenAPIDocumentSays() async throws {
        let python = try #require(RealClientTests.python, "The validators' venv is missing: run scripts/test.sh")
        let schemathesis = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent(
            "schemathesis"
        ).path
        let token = Mutex<String>("")
        try await TestSite.serve(
            hostname: "127.0.0.1",
            config: RealClientTests.liveConfig,
            seed: { store in
                try await TestSite.seedReference(store)
                let made = try await store.apiKeys.create(
                    name: "schemathesis", role: .admin, by: nil, now: TestSite.referenceNow)
                token.withLock { $0 = made.1 }
            }
        ) { port in
            let output = try await RealClientTests.run(
                schemathesis,
                [
                    "run", "http://127.0.0.1:\(port)/api/v1/openapi.json", "-H",
                    "Authorization: Bearer \(token.withLock { $0 })", "--checks", "all", "-n", "25", "--seed", "1",
                    "--no-color",
                ])
            #expect(output.contains(" passed"), "\(output.suffix(3000))")
            #expect(!output.contains("failed"), "\(output.suffix(3000))")
        }
    }
}
