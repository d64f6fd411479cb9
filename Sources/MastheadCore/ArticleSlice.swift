/// One page of a newest-first list of stories, and where the next page starts (nil on the last page).
public struct ArticleSlice: Sendable, Equatable {
    public var articles: [ArticleSummary]
    public var next: ArticleCursor?

    public init(articles: [ArticleSummary], next: ArticleCursor?) {
        self.articles = articles
        self.next = next
    }

    /// Builds a page from a query that fetched one row more than the page holds: that extra row only
    /// tells whether a next page exists.
    public init(fetched: [ArticleSummary], pageSize: Int) {
        let shown = Array(fetched.prefix(pageSize))
        self.articles = shown
        if fetched.count > pageSize, let last = shown.last, let publishedAt = last.publishedAt {
            self.next = ArticleCursor(publishedAt: publishedAt, id: last.id)
        } else {
            self.next = nil
        }
    }
}
