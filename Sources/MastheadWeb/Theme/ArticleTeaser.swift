import Foundation
import MastheadCore

/// A story as it appears in a list: the home page, topic and author pages, and Read next.
struct ArticleTeaser: TemplateContext {
    let url: String
    let headline: String
    let lede: String
    /// `11:25` today, `13 Feb` before (see ``TimeLabel``).
    let timeLabel: String
    let isoTime: String
    /// The primary topic's label, when the story has one. Kept as a flag and plain strings, never an
    /// optional: Mustache looks a nil up the context stack and would find the article's own topic.
    let hasTopic: Bool
    let topicName: String
    let topicURL: String
    /// "3 comments", linking to the story's conversation; a flag and plain strings, as for the topic.
    let hasCommentCount: Bool
    let commentCountLabel: String
    let commentsURL: String

    init(_ article: ArticleSummary, now: Date, timeZone: TimeZone) {
        url = ReaderRoute.article(article.slug).path
        headline = article.headline
        lede = article.lede
        let published = article.publishedAt ?? now
        timeLabel = TimeLabel.label(for: published, now: now, timeZone: timeZone)
        isoTime = TimeLabel.iso8601(published)
        hasTopic = article.primaryTopic != nil
        topicName = article.primaryTopic?.name ?? ""
        topicURL = article.primaryTopic.map { ReaderRoute.topic($0.slug).path } ?? ""
        hasCommentCount = article.commentCount > 0
        commentCountLabel = CommentCount.label(article.commentCount)
        commentsURL = url + "#comments"
    }
}
