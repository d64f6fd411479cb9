import Foundation
import MastheadCore

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
