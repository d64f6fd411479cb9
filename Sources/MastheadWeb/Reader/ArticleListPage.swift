import Foundation
import MastheadCore

/// A topic's or an author's page: who or what it is, then their stories, newest first.
struct TopicPage: PageContext {
    static let template = "topic"

    let layout: LayoutContext
    let name: String
    let list: ArticleTeaserList
}

struct AuthorPage: PageContext {
    static let template = "author"

    let layout: LayoutContext
    let name: String
    let bio: String
    let list: ArticleTeaserList
}

/// A person's, place's or organisation's page.
struct EntityPage: PageContext {
    static let template = "entity"

    let layout: LayoutContext
    /// "Person", "Place" or "Organisation", above the name.
    let kind: String
    let name: String
    let statements: [StatementView]
    let hasStatements: Bool
    let list: ArticleTeaserList
}

/// A statement as a person's page and the article page's "Who said what" box show it.
struct StatementView: TemplateContext {
    let speaker: String
    let speakerURL: String
    let text: String
    let storyHeadline: String
    let storyURL: String
    let timeLabel: String
    let isoTime: String

    init(_ statement: QuotedStatement, now: Date, timeZone: TimeZone) {
        speaker = statement.speaker.name
        speakerURL = statement.speaker.path
        text = statement.text
        storyHeadline = statement.story.headline
        storyURL = ReaderRoute.article(statement.story.slug).path
        let published = statement.story.publishedAt ?? now
        timeLabel = TimeLabel.label(for: published, now: now, timeZone: timeZone)
        isoTime = TimeLabel.iso8601(published)
    }
}
