import Foundation

/// A statement attributed to a person, as the article page's "Who said what" box and the person's
/// page show it.
public struct QuotedStatement: Sendable, Equatable {
    public var speaker: Entity
    public var text: String
    public var story: ArticleSummary

    public init(speaker: Entity, text: String, story: ArticleSummary) {
        self.speaker = speaker
        self.text = text
        self.story = story
    }
}
