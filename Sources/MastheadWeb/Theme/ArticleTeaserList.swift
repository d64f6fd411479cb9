import Foundation
import MastheadCore

/// One page of a newest-first story list as home, topic and author pages show it, with the link to
/// the next, older page (nil on the last).
struct ArticleTeaserList: TemplateContext {
    let stories: [ArticleTeaser]
    let hasStories: Bool
    let olderURL: String?

    init(_ page: ArticleSlice, now: Date, timeZone: TimeZone, older: (ArticleCursor) -> ReaderRoute) {
        stories = page.articles.map { ArticleTeaser($0, now: now, timeZone: timeZone) }
        hasStories = !page.articles.isEmpty
        olderURL = page.next.map { older($0).path }
    }
}
