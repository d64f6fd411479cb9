/// Turns HTML from another system (an imported WordPress or Ghost post) into the Markdown an article
/// body is written in, so that the newsroom edits it like any other story. The HTML is sanitized
/// first, so whatever the body had that a story may not hold (scripts, frames, styles, comments such as
/// Gutenberg's block markers) is gone before conversion; what Markdown has no syntax for (a figure with
/// its caption, a table, superscript) stays as one line of that sanitized HTML, which Markdown keeps.
public enum MarkdownFromHTML {
    public static func markdown(fromHTML html: String) -> String {
        let nodes = HTMLNode.parse(sanitized: HTMLSanitizer.article.sanitize(html))
        let blocks = MarkdownBlockWriter().blocks(nodes)
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
