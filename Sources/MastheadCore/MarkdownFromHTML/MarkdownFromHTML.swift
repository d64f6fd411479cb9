/// Turns HTML from another system (an imported WordPress or Ghost post) into the Markdown an article
/// body is written in, so that the newsroom edits it like any other story. The HTML is sanitized
/// first, so whatever the body had that a story may not hold (scripts, frames, styles, comments such as
/// Gutenberg's block markers) is gone before conversion; what Markdown has no syntax for (a figure with
/// its caption, a table, superscript) stays as one line of that sanitized HTML, which Markdown keeps.
public enum MarkdownFromHTML {
    public static func markdown(fromHTML html: String) -> String {
        write(nodes(html))
    }

    /// The body with its first paragraph taken out as plain text, for a story that came without a
    /// summary: that paragraph becomes the lede, and the body does not say it twice. Nil when the body
    /// has no paragraph of text.
    public static func markdownTakingFirstParagraph(fromHTML html: String) -> (lede: String, markdown: String)? {
        var nodes = nodes(html)
        guard let index = nodes.firstIndex(where: { $0.name == "p" && !collapsed($0.plainText).isEmpty }) else {
            return nil
        }
        let lede = collapsed(nodes.remove(at: index).plainText)
        return (lede, write(nodes))
    }

    /// The text of some HTML (an excerpt), tags dropped and whitespace collapsed.
    public static func plainText(fromHTML html: String) -> String {
        collapsed(nodes(html).map(\.plainText).joined())
    }

    private static func nodes(_ html: String) -> [HTMLNode] {
        HTMLNode.parse(sanitized: HTMLSanitizer.article.sanitize(html))
    }

    private static func write(_ nodes: [HTMLNode]) -> String {
        let blocks = MarkdownBlockWriter().blocks(nodes)
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
