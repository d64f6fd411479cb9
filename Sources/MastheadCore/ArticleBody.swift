import MastheadMarkdown

/// Renders an article's Markdown to the HTML stored beside it: our own CommonMark and GFM renderer
/// (``MastheadMarkdown``), then the allowlist sanitizer, because Markdown passes raw HTML and any link
/// scheme straight through. Preview, publishing, the command line and re-rendering all come here.
public enum ArticleBody {
    /// GitHub Flavored Markdown with footnotes, which news writing uses for sources and asides.
    public static let options = MarkdownOptions(
        tables: true, strikethrough: true, autolinks: true, footnotes: true, tagfilter: true, taskLists: true)

    public static func html(fromMarkdown markdown: String, options: MarkdownOptions = Self.options) -> String {
        HTMLSanitizer.article.sanitize(Markdown.html(markdown, options: options))
    }
}
