import MastheadCore

struct HomePage: PageContext {
    static let template = "home"

    let layout: LayoutContext
    let stories: [StoryTeaser]
    let hasStories: Bool
    /// The next, older page; nil on the last.
    let olderURL: String?
}
