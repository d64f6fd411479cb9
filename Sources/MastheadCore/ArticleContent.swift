import Foundation

/// What a story says, as its writers edit it: one value that a draft, a saved article and each of its
/// revisions hold, so the three can never drift apart field by field.
public struct ArticleContent: Sendable, Equatable, Codable {
    public var slug: Slug
    public var headline: String
    /// The first paragraph, written to stand on its own: it is what lists, feeds and Read next show.
    public var lede: String
    public var bodyMarkdown: String
    /// Where the story was reported from ("Washington"), shown before the date.
    public var dateline: String?
    /// The label shown above the story in lists ("US Tariffs"); optional, as on the reference page.
    public var primaryTopic: Topic?
    public var topics: [Topic]
    /// In byline order.
    public var authors: [Author]
    public var image: FeatureImage?

    public init(
        slug: Slug, headline: String, lede: String, bodyMarkdown: String, dateline: String? = nil,
        primaryTopic: Topic? = nil, topics: [Topic] = [], authors: [Author] = [], image: FeatureImage? = nil
    ) {
        self.slug = slug
        self.headline = headline
        self.lede = lede
        self.bodyMarkdown = bodyMarkdown
        self.dateline = dateline
        self.primaryTopic = primaryTopic
        self.topics = topics
        self.authors = authors
        self.image = image
    }

    /// The primary topic is always one of the story's topics, so its topic page lists the story.
    public var allTopics: [Topic] {
        guard let primaryTopic, !topics.contains(primaryTopic) else { return topics }
        return [primaryTopic] + topics
    }

    /// The fields that differ from `other`, by the names the newsroom shows, for a revision's summary.
    public func changedFields(since other: ArticleContent) -> [String] {
        var changed: [String] = []
        if slug != other.slug { changed.append("address") }
        if headline != other.headline { changed.append("headline") }
        if lede != other.lede { changed.append("lede") }
        if bodyMarkdown != other.bodyMarkdown { changed.append("body") }
        if dateline != other.dateline { changed.append("dateline") }
        if primaryTopic != other.primaryTopic || Set(allTopics.map(\.id)) != Set(other.allTopics.map(\.id)) {
            changed.append("topics")
        }
        if authors.map(\.id) != other.authors.map(\.id) { changed.append("byline") }
        if image != other.image { changed.append("image") }
        return changed
    }
}

extension ArticleContent {
    public static let maximumHeadlineLength = 200
    public static let maximumLedeLength = 600

    /// What must be fixed before the content can be saved, in words an editor can act on.
    public var problems: [String] {
        var problems: [String] = []
        let headline = headline.trimmingCharacters(in: .whitespacesAndNewlines)
        if headline.isEmpty { problems.append("Give the story a headline.") }
        if headline.count > Self.maximumHeadlineLength {
            problems.append("The headline has \(headline.count) characters; keep it to \(Self.maximumHeadlineLength).")
        }
        let lede = lede.trimmingCharacters(in: .whitespacesAndNewlines)
        if lede.isEmpty { problems.append("Write a lede: the first paragraph, which lists and Read next show.") }
        if lede.count > Self.maximumLedeLength {
            problems.append("The lede has \(lede.count) characters; keep it to \(Self.maximumLedeLength).")
        }
        if let primaryTopic, !allTopics.contains(primaryTopic) {
            problems.append("The primary topic must be one of the story's topics.")
        }
        if Set(authors.map(\.id)).count != authors.count { problems.append("An author appears twice in the byline.") }
        if let image {
            if image.alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("Describe the picture in its alt text, for readers who cannot see it.")
            }
            if !FeatureImage.isFileName(image.file) {
                problems.append("The picture's file is not one Masthead stored.")
            }
        }
        return problems
    }
}
