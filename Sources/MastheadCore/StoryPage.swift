/// One page of a newest-first list of stories, and where the next page starts (nil on the last page).
public struct StoryPage: Sendable, Equatable {
    public var stories: [StorySummary]
    public var next: StoryCursor?

    public init(stories: [StorySummary], next: StoryCursor?) {
        self.stories = stories
        self.next = next
    }

    /// Builds a page from a query that fetched one row more than the page holds: that extra row only
    /// tells whether a next page exists.
    public init(fetched: [StorySummary], pageSize: Int) {
        let shown = Array(fetched.prefix(pageSize))
        self.stories = shown
        if fetched.count > pageSize, let last = shown.last, let publishedAt = last.publishedAt {
            self.next = StoryCursor(publishedAt: publishedAt, id: last.id)
        } else {
            self.next = nil
        }
    }
}
