/// Rewrites the Markdown that Ink 0.6 cannot survive, found by fuzzing it:
///
/// - Whitespace at the very end after a list (`- a\n `) or after a `---` first line (which Ink takes
///   for front matter) makes Ink read past the end of the string and crash the process. Trailing
///   whitespace is dropped and lines of only spaces or tabs become empty, which Markdown reads the same.
/// - A `<` followed by `p` or `P` that does not open an HTML block Ink can read (`x <p`, `<ponerror`,
///   `# <p`) sends it into an endless loop: it stops its paragraph there expecting an HTML block, fails
///   to read one, and starts the paragraph again at the same place, forever, allocating as it goes.
///
/// Outside code the `<` becomes `&lt;`, which renders the same. Inside code spans and fenced blocks,
/// where Ink escapes entities, a zero-width space goes between `<` and `p` instead: invisible, and
/// safe even where this pass and Ink disagree about what is code. Raw `<p>` and `<pre>` HTML in an
/// article body therefore shows as text; article bodies are Markdown.
enum MarkdownGuard {
    static func neutralize(_ markdown: String) -> String {
        var output = ""
        output.reserveCapacity(markdown.utf8.count)
        var inFence = false
        for (index, line) in markdown.withNewlineEndings.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if index > 0 { output += "\n" }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                output += rewrite(line, inCode: true)
                continue
            }
            output += inFence ? rewrite(line, inCode: true) : rewriteOutsideFence(line)
        }
        while output.last?.isWhitespace == true { output.removeLast() }
        return output
    }

    /// A line of prose, where single-backtick spans closed on the same line are code.
    private static func rewriteOutsideFence(_ line: Substring) -> String {
        var output = ""
        var rest = line
        while let tick = rest.firstIndex(of: "`") {
            output += rewrite(rest[..<tick], inCode: false)
            let afterTick = rest.index(after: tick)
            guard let close = rest[afterTick...].firstIndex(of: "`") else {
                output += rewrite(rest[tick...], inCode: false)
                return output
            }
            output += "`" + rewrite(rest[afterTick..<close], inCode: true) + "`"
            rest = rest[rest.index(after: close)...]
        }
        return output + rewrite(rest, inCode: false)
    }

    private static func rewrite(_ text: Substring, inCode: Bool) -> String {
        var output = ""
        var previous: Character?
        for character in text {
            if previous == "<", character == "p" || character == "P" {
                output.removeLast()
                output += inCode ? "<\u{200B}" : "&lt;"
            }
            output.append(character)
            previous = character
        }
        return output
    }
}
