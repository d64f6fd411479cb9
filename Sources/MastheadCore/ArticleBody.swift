import Ink

/// Renders an article's Markdown to the HTML stored beside it: Ink for the Markdown (guarded against
/// the input that hangs it, see ``MarkdownGuard``), then the allowlist sanitizer, because Ink passes
/// raw HTML and any link scheme straight through.
public enum ArticleBody {
    public static func html(fromMarkdown markdown: String) -> String {
        let parser = MarkdownParser()
        return HTMLSanitizer.article.sanitize(parser.html(from: MarkdownGuard.neutralize(markdown)))
    }
}
