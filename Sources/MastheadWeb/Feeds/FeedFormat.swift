/// The three feed formats, each at its own file name under the page it follows.
enum FeedFormat: String, CaseIterable, Sendable {
    case rss
    case atom
    case json

    var fileName: String {
        switch self {
        case .rss: return "feed.xml"
        case .atom: return "atom.xml"
        case .json: return "feed.json"
        }
    }

    var contentType: String {
        switch self {
        case .rss: return "application/rss+xml; charset=utf-8"
        case .atom: return "application/atom+xml; charset=utf-8"
        case .json: return "application/feed+json; charset=utf-8"
        }
    }

    /// The type autodiscovery links announce (without the charset).
    var linkType: String { String(contentType.prefix { $0 != ";" }) }

    var label: String {
        switch self {
        case .rss: return "RSS"
        case .atom: return "Atom"
        case .json: return "JSON Feed"
        }
    }
}
