/// What the shared layout template shows around every page.
struct LayoutContext: TemplateContext {
    let siteName: String
    let language: String
    /// The `<title>`: the page's own title, then the site's name.
    let documentTitle: String
    let description: String
    /// Nil on error pages, which must not claim to be the canonical copy of anything.
    let canonicalURL: String?
    let stylesheetURL: String
    let homeURL: String
    let searchURL: String
    /// Autodiscovery: the site's feeds, and the topic's or author's own on their pages.
    let feeds: [FeedLink]
    /// OpenGraph (`property`) and Twitter card (`name`) tags, on article pages.
    let metaProperties: [MetaTag]
    let metaNames: [MetaTag]
    /// schema.org JSON-LD, made script-safe by ``StructuredData``; rendered raw like `bodyHTML`.
    let jsonLD: String?
}
