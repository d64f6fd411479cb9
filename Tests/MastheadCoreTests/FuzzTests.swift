import Foundation
import MastheadCore
import Synchronization
import Testing

/// Random markup assembled from the pieces attacks are made of, through every renderer that takes
/// untrusted text. Seeded, so a failure reproduces.
@Suite struct FuzzTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "<", ">", "</", "/>", "\"", "'", "`", "=", " ", "\n", "\t", "\0", "&", "&#", "x6A;", "&#106", ";", ":",
        "script", "img", "a", "svg", "iframe", "style", "p", "em", "href", "src", "onerror", "onload", "alert(1)",
        "javascript", "JaVaScRiPt", "data", "vbscript", "http://", "https://example.com/", "<!--", "-->", "[x](",
        ")", "![i](", "**", "_", "#", "> ", "- ", "```", "ł", "€", "\u{202E}", "&amp;", "&lt;", "&colon;",
        "\n\n", "\n- ", "\n  - ", "\n1. ", "\n    ", "\n> ", "\n---\n", "|", "\n| a | b |\n|---|---|\n", "[", "]",
        "\\", "  \n", "\r\n", "\n \n", " \t", "*", "~~", "[x]: http://x", "---\ntitle: x\n---\n",
    ]

    static func randomText(_ generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func randomMarkupNeverSurvivesTheArticleRenderer() {
        var generator = SplitMix64(state: 2025_02_14)
        for _ in 0..<3_000 {
            let text = Self.randomText(&generator)
            guard let html = Self.renderWithin(seconds: 5, text) else {
                Issue.record("the article renderer did not finish on \(text.debugDescription)")
                return
            }
            let problems =
                HTMLSanitizerTests.dangers(in: html)
                + HTMLSanitizerTests.dangers(in: HTMLSanitizer.article.sanitize(text))
            #expect(problems.isEmpty, "\(text.debugDescription): \(problems)")
            if !problems.isEmpty { return }
        }
    }

    /// Inputs that hung Ink 0.6 or crashed the process through it: kept as regressions for our renderer.
    @Test(arguments: [
        "<p", "x <p", "a<P", "# <p", "[<p](x)", "*<p*", "a \\<p", "    <p", "a ``<p`` b", "`<p` and <p",
        "- a\n ", "1. a\n\t", "x\n- a\n- b\n  ", "---\ntitle: x\n ", "---\n\n", "a\r\n```x\r\n<p", "> x\n```\0<p",
    ])
    func markdownThatOnceBrokeInkFinishes(markdown: String) {
        #expect(Self.renderWithin(seconds: 5, markdown) != nil)
    }

    @Test func rawParagraphTagsWorkAgainAndCodeShowsThemAsTyped() throws {
        let html = try #require(
            Self.renderWithin(seconds: 5, "Use `<p>` for paragraphs.\n\n```\n<p>hi</p>\n```\n\n<p>raw</p>"))
        #expect(html.contains("<code>&lt;p&gt;</code>"))
        #expect(html.contains("<pre><code>&lt;p&gt;hi&lt;/p&gt;"))
        #expect(html.contains("<p>raw</p>"))
        #expect(!html.contains("\u{200B}"))
    }

    /// The article renderer run on its own thread, so that a regression to an endless loop fails this
    /// suite instead of hanging it.
    static func renderWithin(seconds: Double, _ markdown: String) -> String? {
        let result = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let html = ArticleBody.html(fromMarkdown: markdown)
            result.withLock { $0 = html }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return result.withLock { $0 }
    }

    @Test func randomTextInACommentOnlyEverBecomesParagraphsBreaksAndSafeLinks() {
        var generator = SplitMix64(state: 1_739_530_800)
        let tag = try! NSRegularExpression(pattern: "<(/?)([a-z]+)([^>]*)>")
        for _ in 0..<3_000 {
            let text = Self.randomText(&generator)
            let html = CommentText.html(text)
            for match in tag.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let name = String(html[Range(match.range(at: 2), in: html)!])
                let attributes = String(html[Range(match.range(at: 3), in: html)!])
                let allowed =
                    (["p", "br"].contains(name) && attributes.isEmpty)
                    || (name == "a" && match.range(at: 1).length == 1 && attributes.isEmpty)
                    || (name == "a"
                        && attributes.range(
                            of: "^ href=\"https?://[^\"<>]+\" rel=\"nofollow ugc noopener\"$",
                            options: .regularExpression)
                            != nil)
                #expect(allowed, "\(text.debugDescription) gave <\(name)\(attributes)>")
                if !allowed { return }
            }
        }
    }
}
