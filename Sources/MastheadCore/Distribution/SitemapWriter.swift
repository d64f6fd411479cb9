import Foundation

/// The sitemaps search engines read: an index, URL sets, and the Google News sitemap.
public enum SitemapWriter {
    /// Search engines read at most this many URLs from one sitemap file.
    public static let maximumURLs = 50_000

    public struct Entry: Sendable, Equatable {
        public var url: String
        public var lastModified: Date?

        public init(url: String, lastModified: Date?) {
            self.url = url
            self.lastModified = lastModified
        }
    }

    public struct NewsEntry: Sendable, Equatable {
        public var url: String
        public var title: String
        public var published: Date

        public init(url: String, title: String, published: Date) {
            self.url = url
            self.title = title
            self.published = published
        }
    }

    public static func index(_ sitemaps: [Entry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for sitemap in sitemaps {
            xml += "<sitemap><loc>\(XMLEscaping.escape(sitemap.url))</loc>"
            if let date = sitemap.lastModified { xml += "<lastmod>\(TimeLabel.iso8601(date))</lastmod>" }
            xml += "</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    public static func urlSet(_ entries: [Entry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(XMLEscaping.escape(entry.url))</loc>"
            if let date = entry.lastModified { xml += "<lastmod>\(TimeLabel.iso8601(date))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Google News reads stories from the last two days only, with the publication's name and language.
    public static func news(_ entries: [NewsEntry], publication: String, language: String) -> String {
        let x = XMLEscaping.escape
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        xml += "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(x(entry.url))</loc><news:news><news:publication><news:name>\(x(publication))"
            xml += "</news:name><news:language>\(x(language))</news:language></news:publication>"
            xml += "<news:publication_date>\(TimeLabel.iso8601(entry.published))</news:publication_date>"
            xml += "<news:title>\(x(entry.title))</news:title></news:news></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
