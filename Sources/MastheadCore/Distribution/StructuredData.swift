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
        var article: [String: JSONValue] = [
            "@type": .string("NewsArticle"),
            "headline": .string(facts.headline),
            "description": .string(facts.description),
            "datePublished": .string(TimeLabel.iso8601(facts.published)),
            "dateModified": .string(TimeLabel.iso8601(facts.modified ?? facts.published)),
            "mainEntityOfPage": .object(["@type": .string("WebPage"), "@id": .string(facts.url)]),
            "url": .string(facts.url),
            "author": .array(
                facts.authors.map {
                    .object(["@type": .string("Person"), "name": .string($0.name), "url": .string($0.url)])
                }),
            "publisher": .object([
                "@type": .string("NewsMediaOrganization"), "name": .string(facts.publisher.name),
                "url": .string(facts.publisher.url),
                "logo": .object(["@type": .string("ImageObject"), "url": .string(facts.logoURL)]),
            ]),
        ]
        if let section = facts.section { article["articleSection"] = .string(section) }
        if !facts.keywords.isEmpty { article["keywords"] = .string(facts.keywords.joined(separator: ", ")) }
        if let image = facts.imageURL { article["image"] = .array([.string(image)]) }
        if !facts.corrections.isEmpty {
            article["correction"] = .array(
                facts.corrections.map {
                    .object([
                        "@type": .string("CorrectionComment"), "text": .string($0.text),
                        "datePublished": .string(TimeLabel.iso8601($0.createdAt)),
                    ])
                })
        }
        let trail: JSONValue = .object([
            "@type": .string("BreadcrumbList"),
            "itemListElement": .array(
                facts.breadcrumbs.enumerated().map { index, link in
                    .object([
                        "@type": .string("ListItem"), "position": .number(index + 1), "name": .string(link.name),
                        "item": .string(link.url),
                    ])
                }),
        ])
        let document: JSONValue = .object([
            "@context": .string("https://schema.org"), "@graph": .array([.object(article), trail]),
        ])
        return scriptSafe(document.text)
    }

    /// JSON with `<`, `>`, `&` and the two line separators written as escapes: still the same JSON,
    /// but no `</script>` or `<!--` can appear in it.
    public static func scriptSafe(_ json: String) -> String {
        var json = json
        return json.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            var clean = 0
            var index = 0
            while index < bytes.count {
                let replacement: StaticString
                var width = 1
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = #"\u003c"#
                case UInt8(ascii: ">"): replacement = #"\u003e"#
                case UInt8(ascii: "&"): replacement = #"\u0026"#
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replacement = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    width = 3
                default:
                    index += 1
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                result.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += width
                clean = index
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
            return String(decoding: result, as: UTF8.self)
        }
    }
}
