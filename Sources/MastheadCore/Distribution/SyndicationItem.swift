import Foundation

/// One story in a feed.
public struct SyndicationItem: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public var name: String
        public var url: String

        public init(name: String, url: String) {
            self.name = name
            self.url = url
        }
    }

    /// The story's canonical address, which is also its permanent id in every format.
    public var url: String
    public var title: String
    public var summary: String
    /// The sanitized body for full-text feeds; nil when the site publishes excerpts.
    public var contentHTML: String?
    public var published: Date
    /// "Updated" as the newsroom set it (an update or a correction); nil when never updated.
    public var updated: Date?
    public var authors: [Person]
    public var categories: [String]
    public var corrections: [Correction]
    public var imageURL: String?

    public init(
        url: String, title: String, summary: String, contentHTML: String?, published: Date, updated: Date?,
        authors: [Person], categories: [String], corrections: [Correction], imageURL: String? = nil
    ) {
        self.url = url
        self.title = title
        self.summary = summary
        self.contentHTML = contentHTML
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.corrections = corrections
        self.imageURL = imageURL
    }

    /// The corrections as HTML paragraphs, appended to what a feed carries so readers of the feed
    /// learn of them as readers of the page do.
    public var correctionsHTML: String {
        corrections.map {
            "<p><strong>Correction (\(TimeLabel.iso8601($0.createdAt))):</strong> \(HTMLEscaping.escape($0.text))</p>"
        }.joined()
    }

    /// What a feed's content or summary field carries: the body (or the lede) and the corrections.
    public var feedHTML: String {
        (contentHTML ?? "<p>\(HTMLEscaping.escape(summary))</p>") + correctionsHTML
    }

    /// When the item last changed, for `lastmod` and `<updated>`.
    public var lastChanged: Date { max(updated ?? published, published) }
}
