import MastheadMarkdown
import Testing

/// Seeded random mixes of Markdown punctuation: rendering must terminate (quickly: thousands of documents
/// in seconds) and, when the input has no raw HTML, produce properly nested tags.
@Suite("Random input")
struct RandomInputTests {
    /// SplitMix64: tiny, seedable, and the same on every platform, so a failure reproduces from its seed.
    struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let pieces = [
        "*", "**", "_", "__", "~", "~~", "`", "``", "```", "[", "]", "(", ")", "![", "](", "!", "#", "-", "+",
        "=", "|", ":", "\\", "&", ";", "&amp;", "&#35;", "\n", "\n\n", " ", "  ", "\t", "    ", "> ", "- ",
        "1. ", "2) ", "a", "b", "word", "www.x.com", "http://y.org/p_q", "m@n.io", "[^1]", "[^1]: ", "[x]: /u",
        "- [ ] ", "\"", "'", "é", "😀", "\u{0}", "\r", "---", "***", "===", "| a | b |\n| - | - |\n",
    ]
    static let htmlPieces = ["<", ">", "<b>", "</b>", "<!--", "-->", "<?", "?>", "<![CDATA[", "]]>", "<div>"]

    static func document(_ random: inout SplitMix64, html: Bool) -> String {
        var text = ""
        for _ in 0..<random.below(120) {
            let pool = html && random.below(4) == 0 ? htmlPieces : pieces
            text += pool[random.below(pool.count)]
        }
        return text
    }

    static let everything = MarkdownOptions(
        tables: true, strikethrough: true, autolinks: true, footnotes: true, tagfilter: true, taskLists: true)

    @Test("Documents without raw HTML render with balanced tags", arguments: [1, 2, 3, 4])
    func balanced(seed: UInt64) {
        var random = SplitMix64(state: seed)
        for index in 0..<1500 {
            let source = Self.document(&random, html: false)
            for options in [MarkdownOptions.commonMark, Self.everything] {
                let html = Markdown.html(source, options: options)
                #expect(html.isEmpty || html.hasSuffix("\n"), "seed \(seed) #\(index): \(source.debugDescription)")
                if let problem = Self.tagProblem(html) {
                    Issue.record(
                        "seed \(seed) #\(index): \(problem) in \(html.debugDescription) from \(source.debugDescription)"
                    )
                }
            }
        }
    }

    @Test("Documents with raw HTML render", arguments: [5, 6])
    func withHTML(seed: UInt64) {
        var random = SplitMix64(state: seed)
        for _ in 0..<1500 {
            let source = Self.document(&random, html: true)
            let html = Markdown.html(source, options: Self.everything)
            #expect(html.isEmpty || html.hasSuffix("\n"), "\(source.debugDescription)")
        }
    }

    private static let voidTags: Set<Substring> = ["br", "hr", "img", "input"]

    /// Checks that every tag in `html` is closed in order. Only our own tags can appear: the inputs have
    /// no `<`, and text is escaped.
    static func tagProblem(_ html: String) -> String? {
        var open: [Substring] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            guard let end = rest[start...].firstIndex(of: ">") else { return "unterminated tag" }
            let tag = rest[rest.index(after: start)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("/") {
                let name = tag.dropFirst()
                guard open.popLast() == name else { return "</\(name)> closes nothing open" }
            } else {
                let name = tag.prefix { $0 != " " && $0 != "/" }
                if !voidTags.contains(name) { open.append(name) }
            }
        }
        return open.isEmpty ? nil : "unclosed \(open)"
    }
}
