import Foundation
import MastheadCore

/// One page of a newest-first story list as home, topic and author pages show it, with the link to
/// the next, older page (nil on the last).
struct StoryList {
    let stories: [StoryTeaser]
    let hasStories: Bool
    let olderURL: String?

    init(_ page: StoryPage, now: Date, timeZone: TimeZone, older: (StoryCursor) -> SiteRoute) {
        stories = page.stories.map { StoryTeaser($0, now: now, timeZone: timeZone) }
        hasStories = !page.stories.isEmpty
        olderURL = page.next.map { older($0).path }
    }
}
