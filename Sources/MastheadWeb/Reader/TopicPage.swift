import MastheadCore

/// A topic's or an author's page: who or what it is, then their stories, newest first.
struct TopicPage: PageContext {
    static let template = "topic"

    let layout: LayoutContext
    let name: String
    let list: ArticleTeaserList
}
