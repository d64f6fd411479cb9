/// What the export's `<channel>` says about the old site.
public struct WordPressSite: Sendable, Equatable {
    public var title = ""
    /// The site's address (`wp:base_blog_url`, else `<link>`), which every old post address starts with.
    public var address = ""
    public var wxrVersion = ""

    public init() {}
}
