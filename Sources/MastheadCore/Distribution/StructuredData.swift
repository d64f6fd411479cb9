import Foundation

/// schema.org JSON-LD for an article page: `NewsArticle` and `BreadcrumbList`, serialised so that
/// nothing in a headline or a name can end the `<script>` element that carries it.
public enum StructuredData {
    public struct Link: Sendable, Equatable {
        public var name: String
        public var url: String

        public init(name: String, url: String) {
            self.name = name
            self.url = url
        }
    }

    public struct ArticleFacts: Sendable, Equatable {
        public var url: String
        public var headline: String
        public var description: String
        public var published: Date
        public var modified: Date?
        public var authors: [Link]
        public var section: String?
        public var keywords: [String]
        public var imageURL: String?
        public var corrections: [Correction]
        public var publisher: Link
        public var logoURL: String
        /// Home, then the primary topic when there is one, then the article.
        public var breadcrumbs: [Link]

        public init(
            url: String, headline: String, description: String, published: Date, modified: Date?, authors: [Link],
            section: String?, keywords: [String], imageURL: String?, corrections: [Correction], publisher: Link,
            logoURL: String, breadcrumbs: [Link]
        ) {
            self.url = url
            self.headline = headline
            self.description = description
            self.published = published
            self.modified = modified
            self.authors = authors
            self.section = section
            self.keywords = keywords
            self.imageURL = imageURL
            self.corrections = corrections
            self.publisher = publisher
            self.logoURL = logoURL
            self.breadcrumbs = breadcrumbs
        }
    }

    /// The JSON for one `<script type="application/ld+json">`: a graph of the article and its trail.
    public static func json(_ facts: ArticleFacts) -> String {
        var article: [String: Any] = [
            "@type": "NewsArticle",
            "headline": facts.headline,
            "description": facts.description,
            "datePublished": TimeLabel.iso8601(facts.published),
            "dateModified": TimeLabel.iso8601(facts.modified ?? facts.published),
            "mainEntityOfPage": ["@type": "WebPage", "@id": facts.url],
            "url": facts.url,
            "author": facts.authors.map { ["@type": "Person", "name": $0.name, "url": $0.url] },
            "publisher": [
                "@type": "NewsMediaOrganization", "name": facts.publisher.name, "url": facts.publisher.url,
                "logo": ["@type": "ImageObject", "url": facts.logoURL],
            ],
        ]
        if let section = facts.section { article["articleSection"] = section }
        if !facts.keywords.isEmpty { article["keywords"] = facts.keywords.joined(separator: ", ") }
        if let image = facts.imageURL { article["image"] = [image] }
        if !facts.corrections.isEmpty {
            article["correction"] = facts.corrections.map {
                ["@type": "CorrectionComment", "text": $0.text, "datePublished": TimeLabel.iso8601($0.createdAt)]
            }
        }
        let trail: [String: Any] = [
            "@type": "BreadcrumbList",
            "itemListElement": facts.breadcrumbs.enumerated().map { index, link in
                ["@type": "ListItem", "position": index + 1, "name": link.name, "item": link.url]
            },
        ]
        let document: [String: Any] = ["@context": "https://schema.org", "@graph": [article, trail]]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return scriptSafe(String(decoding: data, as: UTF8.self))
    }

    /// JSON with `<`, `>`, `&` and the two line separators written as escapes: still the same JSON,
    /// but no `</script>` or `<!--` can appear in it.
    public static func scriptSafe(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
