/// Which GitHub Flavored Markdown extensions the renderer applies on top of CommonMark 0.31.2.
///
/// Every extension is off in ``commonMark`` and on in ``gfm`` except ``footnotes``: they append a section
/// to the rendered HTML, which a caller embedding the output should choose to have.
public struct MarkdownOptions: Sendable, Equatable {
    /// Pipe tables with a delimiter row and per-column alignment.
    public var tables: Bool
    /// `~text~` and `~~text~~` render as `<del>`.
    public var strikethrough: Bool
    /// Bare `www.` and `http(s)://` addresses and e-mail addresses become links.
    public var autolinks: Bool
    /// `[^label]` references and `[^label]:` definitions, rendered as a footnote section at the end.
    public var footnotes: Bool
    /// Raw HTML tags that change how a browser parses the rest of the page (`<script>`, `<textarea>`, …)
    /// have their `<` escaped.
    public var tagfilter: Bool
    /// List items starting with `[ ]` or `[x]` render a disabled checkbox.
    public var taskLists: Bool

    /// Creates options with each extension set explicitly; every flag defaults to off.
    public init(
        tables: Bool = false, strikethrough: Bool = false, autolinks: Bool = false, footnotes: Bool = false,
        tagfilter: Bool = false, taskLists: Bool = false
    ) {
        self.tables = tables
        self.strikethrough = strikethrough
        self.autolinks = autolinks
        self.footnotes = footnotes
        self.tagfilter = tagfilter
        self.taskLists = taskLists
    }

    /// Plain CommonMark 0.31.2, no extensions.
    public static let commonMark = MarkdownOptions()

    /// GitHub Flavored Markdown as GitHub renders comments: tables, strikethrough, extended autolinks,
    /// tagfilter and task lists.
    public static let gfm = MarkdownOptions(
        tables: true, strikethrough: true, autolinks: true, tagfilter: true, taskLists: true)
}

/// Renders Markdown to HTML.
///
/// The renderer runs in time linear in the input and never recurses on the input's structure, so any
/// string, however hostile, is safe to pass. Raw HTML in the source is passed through (with
/// ``MarkdownOptions/tagfilter`` escaping the most dangerous tags): sanitise the output if the source is
/// untrusted. Nesting is capped: list items deeper than 100 levels and block quotes deeper than 1000 are
/// read as text.
public enum Markdown {
    /// Returns the HTML for `source`, following CommonMark 0.31.2 plus the extensions `options` enables.
    public static func html(_ source: String, options: MarkdownOptions = .gfm) -> String {
        let parser = BlockParser(options: options)
        parser.parse(Array(source.utf8))
        var renderer = HTMLRenderer(tree: parser.tree, options: options)
        return String(decoding: renderer.render(), as: UTF8.self)
    }
}
