import Foundation
import MastheadMarkdown
import Testing

/// Agreement with cmark-gfm on seeded random documents. `Fixtures/make-differential-fixture.py` wrote
/// the inputs and cmark-gfm's HTML once, so the test needs no Python. Full agreement is not the goal:
/// cmark-gfm implements CommonMark 0.29, and where 0.31.2 differs we follow 0.31.2. The differences
/// left (about 1%) are all of that kind: symbols count as punctuation beside `*` and `_`; link
/// destinations need balanced parentheses; `<!x` declarations take any letter; backslash escapes in info
/// strings apply before entities; `openers_bottom` tells closers that can open from those that cannot;
/// and `<strong><strong>` is not folded.
@Suite("Differential against cmark-gfm")
struct DifferentialTests {
    struct Case: Decodable {
        let markdown: String
        let options: String
        let html: String
    }

    struct Fixture: Decodable {
        let seed: Int
        let cases: [Case]
    }

    @Test("At least 90% of random documents render exactly as cmark-gfm does")
    func agreement() throws {
        let fixture = try JSONDecoder().decode(
            Fixture.self, from: MastheadMarkdownTests.Fixture.data("differential.json"))
        #expect(fixture.cases.count >= 1000)
        var agreeing = 0
        var differences: [String] = []
        for testCase in fixture.cases {
            let options: MarkdownOptions = testCase.options == "gfm" ? .gfm : .commonMark
            let html = Markdown.html(testCase.markdown, options: options)
            if html == testCase.html || HTMLNormalizer.normalize(html) == HTMLNormalizer.normalize(testCase.html) {
                agreeing += 1
            } else if differences.count < 5 {
                differences.append(
                    "\(testCase.options) \(testCase.markdown.debugDescription)\n  cmark-gfm \(testCase.html.debugDescription)\n  ours      \(html.debugDescription)"
                )
            }
        }
        let percentage = Double(agreeing) * 100 / Double(fixture.cases.count)
        let summary =
            "agreement with cmark-gfm \(agreeing)/\(fixture.cases.count) = "
            + String(format: "%.1f%%", percentage) + " (seed \(fixture.seed))"
        print(summary)
        #expect(percentage >= 90, "\(summary); first differences:\n\(differences.joined(separator: "\n"))")
    }
}
