struct HomePage: PageContext {
    static let template = "home"

    let layout: LayoutContext
    let list: ArticleTeaserList
}
