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
    /// Each topic once, in order, whatever the input repeated.
    public var allTopics: [Topic] {
        var seen = Set<UUID>()
        return ([primaryTopic].compactMap { $0 } + topics).filter { seen.insert($0.id).inserted }
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
    /// The same content with every U+0000 replaced by U+FFFD, as CommonMark reads it: PostgreSQL cannot
    /// store the character in text at all, and no writer means it.
    public var withoutNullCharacters: ArticleContent {
        func clean(_ text: String) -> String {
            text.unicodeScalars.contains("\0") ? text.replacingOccurrences(of: "\0", with: "\u{FFFD}") : text
        }
        var content = self
        content.headline = clean(headline)
        content.lede = clean(lede)
        content.bodyMarkdown = clean(bodyMarkdown)
        content.dateline = dateline.map(clean)
        return content
    }

    /// Limits count Unicode scalars, as JSON Schema's `maxLength` does, so the Admin API's document
    /// and the server agree on every string.
    public static let maximumHeadlineLength = 200
    public static let maximumLedeLength = 600
    public static let maximumDatelineLength = 100
    public static let maximumBodyLength = 200_000
    public static let maximumTopics = 20
    public static let maximumAuthors = 10

    /// What must be fixed before the content can be saved, in words an editor can act on.
    public var problems: [String] { fieldProblems.map(\.message) }

    /// The same, each with the field it is about (`headline`, `lede`, `primaryTopic`, `authors`,
    /// `image`), for APIs that name each bad field.
    public var fieldProblems: [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if headline.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(("headline", "Give the story a headline."))
        }
        if headline.unicodeScalars.count > Self.maximumHeadlineLength {
            problems.append(
                (
                    "headline",
                    "The headline has \(headline.unicodeScalars.count) characters; keep it to \(Self.maximumHeadlineLength)."
                ))
        }
        if lede.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(("lede", "Write a lede: the first paragraph, which lists and Read next show."))
        }
        if lede.unicodeScalars.count > Self.maximumLedeLength {
            problems.append(
                ("lede", "The lede has \(lede.unicodeScalars.count) characters; keep it to \(Self.maximumLedeLength)."))
        }
        if (dateline?.unicodeScalars.count ?? 0) > Self.maximumDatelineLength {
            problems.append(("dateline", "Keep the dateline to \(Self.maximumDatelineLength) characters."))
        }
        if bodyMarkdown.unicodeScalars.count > Self.maximumBodyLength {
            problems.append(("body", "The body is over \(Self.maximumBodyLength) characters; split the story."))
        }
        if topics.count > Self.maximumTopics {
            problems.append(("topics", "Give the story at most \(Self.maximumTopics) topics."))
        }
        if authors.count > Self.maximumAuthors {
            problems.append(("authors", "A byline can name at most \(Self.maximumAuthors) authors."))
        }
        if let primaryTopic, !allTopics.contains(primaryTopic) {
            problems.append(("primaryTopic", "The primary topic must be one of the story's topics."))
        }
        if Set(authors.map(\.id)).count != authors.count {
            problems.append(("authors", "An author appears twice in the byline."))
        }
        if let image {
            if image.alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(("image", "Describe the picture in its alt text, for readers who cannot see it."))
            }
            if !FeatureImage.isFileName(image.file) {
                problems.append(("image", "The picture's file is not one Masthead stored."))
            }
        }
        return problems
    }
}
