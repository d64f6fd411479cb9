import MastheadCore

struct AuthorPage: PageContext {
    static let template = "author"

    let layout: LayoutContext
    let name: String
    let bio: String
    let list: ArticleTeaserList
}
