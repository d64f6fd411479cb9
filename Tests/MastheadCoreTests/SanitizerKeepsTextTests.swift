import Foundation
import MastheadCore
import Synchronization
import Testing

/// The sanitizer may drop an element, and with a closed `<script>` or `<form>` its content, but never
/// the story that follows an element the author left open.
@Suite struct SanitizerKeepsTextTests {
    /// The elements the sanitizer drops with their content, named here rather than read from it, so the
    /// test does not trust the list it checks.
    static let droppedWithContent = [
        "script", "style", "iframe", "object", "applet", "template", "noscript", "noembed", "noframes", "frameset",
        "textarea", "title", "xmp", "plaintext", "svg", "math", "select", "video", "audio", "canvas", "form", "button",
    ]

    @Test func anUnclosedFormInMarkdownKeepsTheRestOfTheStory() {
        let html = ArticleBody.html(fromMarkdown: "First para.\n\n<form>\n\nHello world\n\nSecond para\n")
        #expect(html.contains("<p>First para.</p>"))
        #expect(html.contains("<p>Hello world</p>"))
        #expect(html.contains("<p>Second para</p>"))
        #expect(!html.contains("<form"))
    }

    @Test(arguments: droppedWithContent)
    func anUnclosedElementLosesOnlyItsTag(name: String) {
        let html = HTMLSanitizer.article.sanitize("<p>Before.</p><\(name) id=\"x\"><p>After, kept.</p>")
        #expect(html == "<p>Before.</p><p>After, kept.</p>", "<\(name)>")
    }

    @Test(arguments: droppedWithContent)
    func aClosedElementStillGoesWithItsContent(name: String) {
        let html = HTMLSanitizer.article.sanitize("<p>Before.</p><\(name)><p>inside</p></\(name)><p>After.</p>")
        #expect(html == "<p>Before.</p><p>After.</p>", "<\(name)>")
    }

    /// Each unclosed tag once scanned to the end of the input for its closing tag: 60,000 of them, a
    /// preview's worth of bytes, took hours. The bound only catches that; it is no speed target.
    @Test func aRunOfUnclosedElementsIsReadOnce() {
        let input = String(repeating: "<form><noscript x=1>word ", count: 30_000)
        let result = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let html = HTMLSanitizer.article.sanitize(input)
            result.withLock { $0 = html }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 20) == .success, "the sanitizer took over 20 s")
        #expect(result.withLock { $0 } == String(repeating: "word ", count: 30_000))
    }

    /// Random stories of words, allowed and unknown tags, closed dropped elements holding marked words,
    /// and dropped elements left open. Every word outside a closed dropped element must come out, through
    /// the sanitizer alone and through the Markdown renderer. No marked word may come out of the
    /// sanitizer; the renderer may show some as text, because GFM's tag filter escapes `<script>`,
    /// `<style>`, `<iframe>` and the like before the sanitizer sees them. Seeded, so a failure reproduces.
    @Test func noInputLosesTextOutsideTheElementsItRemoves() {
        var generator = FuzzTests.SplitMix64(state: 2026_12_07)
        for round in 0..<2_000 {
            let story = Self.randomStory(&generator)
            for (path, html) in [
                ("sanitizer", HTMLSanitizer.article.sanitize(story.html)),
                ("markdown", ArticleBody.html(fromMarkdown: story.html)),
            ] {
                let lost = story.kept.filter { !html.contains($0) }
                let leaked = path == "sanitizer" ? story.removed.filter { html.contains($0) } : []
                #expect(lost.isEmpty, "round \(round), \(path): lost \(lost) from \(story.html.debugDescription)")
                #expect(leaked.isEmpty, "round \(round), \(path): kept \(leaked) from \(story.html.debugDescription)")
                if !lost.isEmpty || !leaked.isEmpty { return }
            }
        }
    }

    struct Story {
        var html = ""
        var kept: [String] = []
        var removed: [String] = []
    }

    static let otherMarkup = [
        "<p>", "</p>", "<em>", "</em>", "<strong>", "</strong>", "<blockquote>", "</blockquote>", "<span class=\"x\">",
        "</span>", "<div>", "</div>", "<br>", "<input autofocus>", "<meta x=y>", "\n\n", " ", "\n",
    ]

    static func randomStory(_ generator: inout FuzzTests.SplitMix64) -> Story {
        // Each name is used either always closed or never, so "left open" means what a browser would see.
        let shuffled = droppedWithContent.shuffled(using: &generator)
        let split = Int.random(in: 0...shuffled.count, using: &generator)
        let closed = Array(shuffled[..<split])
        let open = Array(shuffled[split...])
        var story = Story()
        for index in 0..<Int.random(in: 1...30, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...3:
                let word = "keep\(index)word"
                story.kept.append(word)
                story.html += " \(word) "
            case 4...6:
                story.html += otherMarkup.randomElement(using: &generator)!
            case 7:
                guard let name = closed.randomElement(using: &generator) else { continue }
                let word = "gone\(index)word"
                story.removed.append(word)
                let inner = otherMarkup.randomElement(using: &generator)!
                story.html += "<\(name) a=\"1\">\(inner) \(word) \(inner)</\(name)>"
            default:
                guard let name = open.randomElement(using: &generator) else { continue }
                story.html += Bool.random(using: &generator) ? "<\(name)>" : "\n\n<\(name) title=\"t\">\n\n"
            }
        }
        return story
    }
}
