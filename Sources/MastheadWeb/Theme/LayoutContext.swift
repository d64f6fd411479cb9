/// What the shared layout template shows around every page.
struct LayoutContext {
    let siteName: String
    let language: String
    /// The `<title>`: the page's own title, then the site's name.
    let documentTitle: String
    let description: String
    /// Nil on error pages, which must not claim to be the canonical copy of anything.
    let canonicalURL: String?
    let stylesheetURL: String
    let homeURL: String
}
