/// A topic's or an author's page: who or what it is, then their stories, newest first.
struct TopicPage: PageContext {
    static let template = "topic"

    let layout: LayoutContext
    let name: String
    let list: StoryList
}

struct AuthorPage: PageContext {
    static let template = "author"

    let layout: LayoutContext
    let name: String
    let bio: String
    let list: StoryList
}
