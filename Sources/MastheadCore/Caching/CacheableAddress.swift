/// The key a cached page is kept under: its path and only the query parameters some reader page, feed
/// or API call reads. A link shared on social media arrives as `/articles/x?utm_source=…&fbclid=…`,
/// unique per click; keyed by the whole address, every such reader would miss the cache, and anyone
/// could fill it with addresses of their own making.
///
/// A parameter name written with escapes (`bef%6Fre`) could mean a parameter the handler reads while
/// looking like one it does not: such an address is not cached at all.
public enum CacheableAddress {
    /// Every query parameter a cacheable response depends on. A handler that starts reading another
    /// must add it here, or its variants would share one cached page.
    public static let parameters: Set<Substring> = [
        "after", "author", "before", "comment", "from", "limit", "page", "q", "reason", "since", "sort", "to",
        "topic",
    ]

    /// The key for a request's path with its query, or nil when it must not be cached.
    public static func key(_ address: String) -> String? {
        guard let mark = address.firstIndex(of: "?") else { return address }
        let path = address[..<mark]
        var kept: [Substring] = []
        for item in address[address.index(after: mark)...].split(separator: "&") {
            let name = item.prefix { $0 != "=" }
            if name.contains("%") || name.contains("+") { return nil }
            if parameters.contains(name) { kept.append(item) }
        }
        guard !kept.isEmpty else { return String(path) }
        // By name, keeping repeats in their order: handlers read the first of a name.
        let ordered = kept.enumerated().sorted {
            let (a, b) = ($0.element.prefix { $0 != "=" }, $1.element.prefix { $0 != "=" })
            return a != b ? a < b : $0.offset < $1.offset
        }
        return path + "?" + ordered.map(\.element).joined(separator: "&")
    }
}
