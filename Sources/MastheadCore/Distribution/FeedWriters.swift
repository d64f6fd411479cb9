import Foundation

/// RSS 2.0, Atom 1.0 and JSON Feed 1.1 for one ``SyndicationFeed``. Pure functions of the feed, so
/// each format has golden files and the same feed always produces the same bytes (and ETag).
public enum FeedWriter {
    public static func rss(_ feed: SyndicationFeed) -> String {
        let x = XMLEscaping.escape
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>
            <title>\(x(feed.title))</title>
            <link>\(x(feed.pageURL))</link>
            <description>\(x(feed.description))</description>
            <language>\(x(feed.language))</language>
            <atom:link href="\(x(feed.feedURL))" rel="self" type="application/rss+xml"/>

            """
        if let updated = feed.updated { xml += "<lastBuildDate>\(rfc822(updated))</lastBuildDate>\n" }
        for item in feed.items {
            xml += "<item>\n<title>\(x(item.title))</title>\n<link>\(x(item.url))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(x(item.url))</guid>\n"
            xml += "<pubDate>\(rfc822(item.published))</pubDate>\n"
            for author in item.authors { xml += "<dc:creator>\(x(author.name))</dc:creator>\n" }
            for category in item.categories { xml += "<category>\(x(category))</category>\n" }
            xml += "<description>\(x(item.summary + correctionsText(item)))</description>\n"
            xml += "<content:encoded>\(x(item.feedHTML))</content:encoded>\n</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    public static func atom(_ feed: SyndicationFeed) -> String {
        let x = XMLEscaping.escape
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(feed.language))">
            <title>\(x(feed.title))</title>
            <subtitle>\(x(feed.description))</subtitle>
            <id>\(x(feed.feedURL))</id>
            <link rel="alternate" type="text/html" href="\(x(feed.pageURL))"/>
            <link rel="self" type="application/atom+xml" href="\(x(feed.feedURL))"/>
            <updated>\(TimeLabel.iso8601(feed.updated ?? Date(timeIntervalSince1970: 0)))</updated>

            """
        for item in feed.items {
            xml += "<entry>\n<title>\(x(item.title))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(x(item.url))\"/>\n<id>\(x(item.url))</id>\n"
            xml += "<published>\(TimeLabel.iso8601(item.published))</published>\n"
            xml += "<updated>\(TimeLabel.iso8601(item.lastChanged))</updated>\n"
            for author in item.authors {
                xml += "<author><name>\(x(author.name))</name><uri>\(x(author.url))</uri></author>\n"
            }
            for category in item.categories { xml += "<category term=\"\(x(category))\"/>\n" }
            xml += "<summary>\(x(item.summary + correctionsText(item)))</summary>\n"
            xml += "<content type=\"html\">\(x(item.feedHTML))</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    public static func json(_ feed: SyndicationFeed) -> String {
        struct Document: Encodable {
            let version = "https://jsonfeed.org/version/1.1"
            let title: String
            let home_page_url: String
            let feed_url: String
            let description: String
            let language: String
            let items: [Item]
        }
        struct Item: Encodable {
            let id: String
            let url: String
            let title: String
            let summary: String
            let content_html: String
            let date_published: String
            let date_modified: String?
            let authors: [Author]
            let tags: [String]?
            let image: String?
        }
        struct Author: Encodable {
            let name: String
            let url: String
        }
        let document = Document(
            title: feed.title, home_page_url: feed.pageURL, feed_url: feed.feedURL, description: feed.description,
            language: feed.language,
            items: feed.items.map { item in
                Item(
                    id: item.url, url: item.url, title: item.title, summary: item.summary + correctionsText(item),
                    content_html: item.feedHTML, date_published: TimeLabel.iso8601(item.published),
                    date_modified: item.updated.map(TimeLabel.iso8601),
                    authors: item.authors.map { Author(name: $0.name, url: $0.url) },
                    tags: item.categories.isEmpty ? nil : item.categories, image: item.imageURL)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// Corrections in plain text, for the summary fields that readers show as text.
    private static func correctionsText(_ item: SyndicationItem) -> String {
        item.corrections.map { " Correction (\(TimeLabel.iso8601($0.createdAt))): \($0.text)" }.joined()
    }

    /// RFC 822 dates as RSS wants them, in UTC and English whatever the machine's locale.
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
