import Foundation
import MastheadMarkdown
import Testing

/// cmark's and cmark-gfm's pathological inputs, at sizes that keep the suite quick. Each output must match
/// the upstream regex (re-sized to our N). Linear scaling is measured by `Benchmarks/markdown.sh`, not here:
/// a test that times itself is flaky on a shared two-core machine.
@Suite("Pathological inputs")
struct PathologicalTests {
    struct Case: Decodable {
        let name: String
        let N: Int
        let expected_regex: String
        let render: String
        let origin: Origin

        struct Origin: Decodable {
            let upstream_extensions: [String]?
        }
    }

    struct Cases: Decodable {
        let cases: [Case]
    }

    /// Swift versions of the fixture's `generator_python` expressions.
    static let generators: [String: @Sendable (Int) -> String] = [
        "nested strong emph": { n in repeated("*a **a ", n) + "b" + repeated(" a** a*", n) },
        "many emph closers with no openers": { n in repeated("a_ ", n) },
        "many emph openers with no closers": { n in repeated("_a ", n) },
        "many link closers with no openers": { n in repeated("a]", n) },
        "many link openers with no closers": { n in repeated("[a", n) },
        "mismatched openers and closers": { n in repeated("*a_ ", n) },
        "issue #389": { n in repeated("*a ", n) + repeated("_a*_ ", n) },
        "openers and closers multiple of 3": { n in "a**b" + repeated("c* ", n) },
        "link openers and emph closers": { n in repeated("[ a_", n) },
        "pattern [ (]( repeated": { n in repeated("[ (](", n) },
        "pattern ![[]() repeated": { n in repeated("![[]()", n) },
        "hard link/emph case": { _ in "**x [a*b**c*](d)" },
        "nested brackets": { n in repeated("[", n) + "a" + repeated("]", n) },
        "nested block quotes": { n in repeated("> ", n) + "a" },
        "deeply nested lists": { n in (0..<n).map { repeated("  ", $0) + "* a\n" }.joined() },
        "U+0000 in input": { _ in "abc\u{0}de\u{0}" },
        "backticks": { n in (1..<n).map { "e" + repeated("`", $0) }.joined() },
        "unclosed links A": { n in repeated("[a](<b", n) },
        "unclosed links B": { n in repeated("[a](b", n) },
        "unclosed <!--": { n in "</" + repeated("<!--", n) },
        "empty lines in deeply nested lists": { n in repeated("- ", n) + "x" + repeated("\n", n) },
        "empty lines in deeply nested lists in blockquote": { n in
            "> " + repeated("- ", n) + "x\n" + repeated(">\n", n)
        },
        "emph in deep blockquote": { n in repeated(">", n) + repeated("a*", n) },
        "reference collisions": { n in referenceCollisions(n) },
        "nested inlines": { n in repeated("*", n) + "a" + repeated("*", n) },
        "tables": { n in repeated("aaa\rbbb\n-\u{0B}\n", n) },
        "many image openers": { n in repeated("![p", n) + "\n" },
    ]

    /// Our N for each case: small enough for a unit test, and within our nesting caps (lists 100, block
    /// quotes 1000) where the upstream regex expects every level to nest.
    static func size(_ testCase: Case) -> Int {
        switch testCase.name {
        case "deeply nested lists", "empty lines in deeply nested lists",
            "empty lines in deeply nested lists in blockquote":
            return 90
        case "backticks": return 400
        case "nested block quotes": return 1000
        default: return min(testCase.N, 3000)
        }
    }

    @Test("Every upstream pathological input renders as cmark does")
    func pathological() throws {
        let cases = try JSONDecoder().decode(Cases.self, from: Fixture.data("pathological-generators.json")).cases
        #expect(cases.count == 27)
        for testCase in cases {
            let generator = try #require(Self.generators[testCase.name], "no generator for \(testCase.name)")
            let n = Self.size(testCase)
            let names = Set(testCase.origin.upstream_extensions ?? [])
            let options = MarkdownOptions(tables: names.contains("table"), autolinks: names.contains("autolink"))
            let output = Markdown.html(generator(n), options: options)
            let pattern: String
            if testCase.render == "commonmark" {
                // Upstream checks cmark's CommonMark writer; we only write HTML, so check the HTML instead.
                pattern = "^<p>(<(em|strong)>)+a(</(em|strong)>)+</p>\\n$"
            } else {
                pattern = Self.resized(testCase.expected_regex, upstream: testCase.N, to: n)
            }
            let regex = try Regex(pattern)
            #expect(
                try regex.firstMatch(in: output) != nil,
                "\(testCase.name) at N=\(n): \(output.prefix(300).debugDescription)")
        }
    }

    /// The fixture's regex is concrete at the upstream N; its repetition counts `{N}` and `{N-1}` are
    /// rewritten for ours.
    static func resized(_ pattern: String, upstream: Int, to n: Int) -> String {
        pattern
            .replacingOccurrences(of: "{\(upstream)}", with: "{\(n)}")
            .replacingOccurrences(of: "{\(upstream - 1)}", with: "{\(n - 1)}")
    }

    static func repeated(_ text: String, _ count: Int) -> String {
        String(repeating: text, count: count)
    }

    /// Link reference labels that all fall in one bucket of cmark's old 16-slot hash map.
    static func referenceCollisions(_ n: Int) -> String {
        func collides(_ key: String) -> Bool {
            var hash: UInt32 = 0
            for scalar in key.unicodeScalars { hash = scalar.value &+ (hash << 6) &+ (hash << 16) &- hash }
            return hash % 16 == 0
        }
        var keys: [String] = []
        var index = 0
        while keys.count < n {
            if collides("x\(index)") { keys.append("x\(index)") }
            index += 1
        }
        let badKey = keys[0]
        return keys.dropFirst().map { "[\($0)]: /url\n\n[\(badKey)]\n\n" }.joined()
    }
}
