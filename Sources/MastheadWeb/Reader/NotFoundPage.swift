struct NotFoundPage: PageContext {
    static let template = "not-found"

    let layout: LayoutContext
}
