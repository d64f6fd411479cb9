import Foundation
import Hummingbird
import HummingbirdCore
import MastheadCore

/// The key a cached page is kept under: its path, and of its query only what the route at that path
/// reads, each value in the one form that route reads it as. A link shared on social media arrives as
/// `/articles/x?utm_source=…&fbclid=…`, unique per click; a crawler or an attacker adds `?q=1&page=2`
/// to an article, or `?sort=anything` to the home page. None of these change the page, so all of them
/// share its entry: only a parameter the route reads, with a value it accepts and that is not its
/// default, makes another page (an unknown `sort` is the default order, so it is no new entry).
///
/// The query is read as the handlers read it (Hummingbird's `URI`: the first of a name, its value
/// percent-decoded). A route that starts reading another parameter must add it here, or its variants
/// would share one cached page. An address this cannot read with certainty is not cached at all: a
/// parameter name written with escapes (`bef%6Fre`), a path with escapes, a value the API refuses
/// (its 400 must not be answered by the page for the default), or an absolute-form request target.
enum CacheableAddress {
    /// The key for a request's path with its query, or nil when it must not be cached.
    static func key(_ address: String) -> String? {
        // Read as bytes: every page-cache hit asks, and Foundation's substring search costs more than
        // the rest of a hit.
        let bytes = address.utf8
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        let mark = bytes.firstIndex(of: UInt8(ascii: "?"))
        let path = address[..<(mark ?? address.endIndex)]
        guard !path.utf8.contains(UInt8(ascii: "%")) else { return nil }
        // The router skips empty segments, so `/articles//x/` is the article `/articles/x`. Most paths
        // have none and are their own key, taken without splitting them.
        guard let mark else { return hasEmptySegment(path) ? canonical(path) : address }
        let canonicalPath = hasEmptySegment(path) ? canonical(path) : String(path)
        let query = address[address.index(after: mark)...].prefix { $0 != "#" }
        for item in query.split(separator: "&") {
            let name = item.prefix { $0 != "=" }
            if name.contains("%") || name.contains("+") { return nil }
        }
        let parameters = URI(address).queryParameters
        guard let kept = RouteQuery(path.split(separator: "/")).canonical({ parameters[$0[...]].map(String.init) })
        else {
            return nil
        }
        guard !kept.isEmpty else { return canonicalPath }
        return canonicalPath + "?"
            + kept.map { $0.name + "=" + PercentEncoding.encode($0.value, keeping: "-._~") }.joined(separator: "&")
    }

    /// Whether a path has two slashes in a row, or one at its end.
    private static func hasEmptySegment(_ path: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/"), previous == byte { return true }
            previous = byte
        }
        return path.utf8.count > 1 && previous == UInt8(ascii: "/")
    }

    private static func canonical(_ path: Substring) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }
}

/// What the route at a path reads from the query, and the canonical form of each value: the form two
/// requests share exactly when their handler would render the same page from them.
private enum RouteQuery {
    /// Home, topic, author and entity pages: a page of stories before a cursor.
    case storyList
    case articlePage
    case searchPage
    case apiArticles
    case apiComments
    case apiSearch
    /// Everything else cacheable (feeds, sitemaps, the other API calls) reads no query at all.
    case none

    init(_ segments: [Substring]) {
        switch (segments.count, segments.first) {
        case (0, _): self = .storyList
        case (2, "articles"?): self = .articlePage
        case (2, "topics"?), (2, "authors"?): self = .storyList
        case (2, let first?) where EntityKind.allCases.contains(where: { $0.pathSegment == first }):
            self = .storyList
        case (1, "search"?): self = .searchPage
        case (3, "api"?) where segments[1] == "v1" && segments[2] == "articles": self = .apiArticles
        case (5, "api"?) where segments[1] == "v1" && segments[2] == "articles" && segments[4] == "comments":
            self = .apiComments
        case (3, "api"?) where segments[1] == "v1" && segments[2] == "search": self = .apiSearch
        default: self = .none
        }
    }

    typealias Parameter = (name: String, value: String)

    /// The parameters the route reads, canonical and in a fixed order, without those at their default;
    /// nil when a value would make the handler refuse the request.
    func canonical(_ get: (String) -> String?) -> [Parameter]? {
        switch self {
        case .storyList:
            // A malformed cursor reads as the first page (``ReaderController``).
            return [get("before").flatMap(ArticleCursor.init(token:)).map { ("before", $0.token) }].compactMap { $0 }
        case .articlePage:
            return Self.articlePage(get)
        case .searchPage:
            return Self.searchPage(get)
        case .apiArticles:
            return Self.apiArticles(get)
        case .apiComments:
            guard let after = get("after") else { return [] }
            return ContentAPIController.commentCursor(after).map { [("after", ContentAPIController.token($0))] }
        case .apiSearch:
            return Self.apiSearch(get)
        case .none:
            return []
        }
    }

    /// As ``ArticlePageRenderer/View`` reads it: the order, a cursor in that order, and the notice
    /// after a reader's action (its reason only where the notice shows one).
    private static func articlePage(_ get: (String) -> String?) -> [Parameter] {
        var kept: [Parameter] = []
        let order = CommentOrder(query: get("sort"))
        if order != .oldest { kept.append(("sort", order.rawValue)) }
        if let after = get("after").flatMap({ CommentCursor(encoded: $0, order: order) }) {
            kept.append(("after", after.encoded))
        }
        if let notice = get("comment").flatMap(Notice.init(rawValue:)) {
            kept.append(("comment", notice.rawValue))
            if notice == .held || notice == .rejected,
                let reason = get("reason").flatMap(ModerationReason.init(rawValue:))
            {
                kept.append(("reason", reason.rawValue))
            }
        }
        return kept
    }

    /// As ``SearchController`` reads it: the text, a page from 1 to the last, and the filters, which
    /// the page shows back as typed (an empty one is "any").
    private static func searchPage(_ get: (String) -> String?) -> [Parameter] {
        var kept: [Parameter] = []
        if let text = get("q"), !text.isEmpty { kept.append(("q", text)) }
        let page = get("page").flatMap { Int($0) }.map { min(max($0, 1), SearchController.maximumPage) } ?? 1
        if page > 1 { kept.append(("page", String(page))) }
        for name in ["topic", "author", "from", "to"] {
            if let value = get(name), !value.isEmpty { kept.append((name, value)) }
        }
        return kept
    }

    /// As ``ContentAPIController/articles(_:context:)`` reads it: a malformed value is a 400, so it is
    /// not cached; a topic wins over an author.
    private static func apiArticles(_ get: (String) -> String?) -> [Parameter]? {
        var kept: [Parameter] = []
        guard let limit = apiLimit(get) else { return nil }
        kept += limit
        if let text = get("before") {
            guard let cursor = ArticleCursor(token: text) else { return nil }
            kept.append(("before", cursor.token))
        }
        if let text = get("since") {
            guard let since = RFC3339.date(text) else { return nil }
            kept.append(("since", String(since.timeIntervalSince1970)))
        }
        if let topic = get("topic") {
            kept.append(("topic", topic))
        } else if let author = get("author") {
            kept.append(("author", author))
        }
        return kept
    }

    /// As ``ContentAPIController/search(_:context:)`` reads it; a malformed or empty filter is a 400.
    private static func apiSearch(_ get: (String) -> String?) -> [Parameter]? {
        var kept: [Parameter] = []
        if let text = get("q"), !text.isEmpty { kept.append(("q", text)) }
        guard let limit = apiLimit(get) else { return nil }
        kept += limit
        if let text = get("page") {
            guard let page = Int(text), (1...10).contains(page) else { return nil }
            if page > 1 { kept.append(("page", String(page))) }
        }
        for name in ["topic", "author", "from", "to"] {
            guard let value = get(name) else { continue }
            guard !value.isEmpty else { return nil }
            kept.append((name, value))
        }
        return kept
    }

    /// The API's `limit`: none at the default, nil when out of range.
    private static func apiLimit(_ get: (String) -> String?) -> [Parameter]? {
        guard let text = get("limit") else { return [] }
        guard let limit = try? ContentAPIController.limit(text) else { return nil }
        return limit == ContentAPIController.defaultLimit ? [] : [("limit", String(limit))]
    }
}
